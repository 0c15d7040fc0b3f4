## (the customers area appends its sources here)
