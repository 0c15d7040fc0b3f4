## (the reference-data area appends its sources here)
