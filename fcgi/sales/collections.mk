## (the collections area appends its sources here)
