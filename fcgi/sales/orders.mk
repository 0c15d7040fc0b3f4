## (the orders area appends its sources here)
