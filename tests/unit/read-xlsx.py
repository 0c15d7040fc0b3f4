#!/usr/bin/env python3
"""read-xlsx.py FILE: prints what openpyxl reads from an .xlsx, one line
per fact, for tests/unit/xlsx-t and the e2e tests:

  sheet <title>
  freeze <cell>
  filter <range>
  width <column letter> <width>
  cell <ref> <type> <number format> <value>

type is openpyxl's: n (number), s (string), d (date).  Dates print as
YYYY-MM-DD, numbers with repr() (so 2222.21 prints exactly so)."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print("sheet", ws.title)
print("freeze", ws.freeze_panes)
print("filter", ws.auto_filter.ref)
for letter, dim in sorted(ws.column_dimensions.items()):
    if dim.width:
        print("width", letter, "%g" % dim.width)
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        v = c.value
        if c.is_date:
            v = v.date().isoformat() if hasattr(v, "date") else v.isoformat()
            t = "d"
        else:
            t = c.data_type
            v = repr(v) if t == "n" else v
        print("cell", c.coordinate, t, c.number_format, v)
