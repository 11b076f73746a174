#!/usr/bin/python3
# same-cells.py A.xlsx B.xlsx — exits 0 when both workbooks have the same
# sheets, cell values, cell types and number formats (bench/ledger checks
# that its three writers write the same thing before it times them)
import sys
import openpyxl

def cells(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    out = []
    for ws in wb.worksheets:
        out.append(("sheet", ws.title))
        for row in ws.iter_rows():
            out.append(tuple((c.value, c.data_type, c.number_format) for c in row
                             if c.value is not None))
    return out

a, b = cells(sys.argv[1]), cells(sys.argv[2])
if a == b:
    print("same cells: %s and %s (%d rows)" % (sys.argv[1], sys.argv[2], len(a)))
    sys.exit(0)
for i, (x, y) in enumerate(zip(a, b)):
    if x != y:
        print("first difference at row %d:\n  %r\n  %r" % (i, x, y))
        break
else:
    print("different lengths: %d and %d" % (len(a), len(b)))
sys.exit(1)
