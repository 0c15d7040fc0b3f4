## (the pipeline area appends its sources here)
