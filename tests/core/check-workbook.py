#!/usr/bin/python3
# check-workbook.py — what an office needs to file a workbook as it is
#
#   check-workbook.py CATALOGUE.mo|- [--print] [--free NAME:SHEET:COLUMNS]... FILE.xlsx...
#
# --free caseload.xlsx:0:L,M says that columns L and M of the first sheet
# of caseload.xlsx hold what people typed (a jamoat called "Dusti" is not
# an untranslated district).
#
# For every sheet of every workbook:
#  - with a catalogue: the sheet's name and its header row hold no Latin
#    letter, and no text cell is an English label the catalogue translates
#    (a sheet name, a header, a coded value, a district, a total's label);
#  - with --print: it prints on A4 as it is: landscape, fitted to one page wide, the
#    header row repeated on every page, the autofilter over the header and
#    the data only (a total row below stays where it is when sorting).
# Prints one line per problem on stderr and exits 1 when there is any.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gettext
import re
import sys

import openpyxl
from openpyxl.utils.cell import range_boundaries

LATIN = re.compile(r'[A-Za-z]')


def english_labels(mo_path):
    with open(mo_path, 'rb') as f:
        catalogue = gettext.GNUTranslations(f)
    labels = set()
    for msgid, msgstr in catalogue._catalog.items():
        if isinstance(msgid, tuple):        # plural forms
            msgid = msgid[0]
        msgid = msgid.split('\x04')[-1]     # without its context
        if msgid and msgid != msgstr and '%' not in msgid and LATIN.search(msgid):
            labels.add(msgid)
    return labels


def main():
    mo_path = sys.argv[1]
    labels = english_labels(mo_path) if mo_path != '-' else None
    problems = []
    free = set()
    paths = []
    check_print = False
    args = iter(sys.argv[2:])

    for arg in args:
        if arg == '--print':
            check_print = True
        elif arg == '--free':
            name, sheet, columns = next(args).split(':')
            for column in columns.split(','):
                free.add((name, int(sheet), column))
        else:
            paths.append(arg)

    for path in paths:
        wb = openpyxl.load_workbook(path)
        base = path.rsplit('/', 1)[-1]
        for index, ws in enumerate(wb.worksheets):
            where = '%s, sheet “%s”' % (path.rsplit('/', 1)[-1], ws.title)
            if labels is not None:
                if LATIN.search(ws.title):
                    problems.append('%s: the sheet name is not translated' % where)
                for cell in ws[1]:
                    if isinstance(cell.value, str) and LATIN.search(cell.value):
                        problems.append('%s: header %s “%s” is not translated'
                                        % (where, cell.coordinate, cell.value))
                for row in ws.iter_rows(min_row=2):
                    for cell in row:
                        if (isinstance(cell.value, str) and cell.value.strip() in labels
                                and (base, index, cell.column_letter) not in free):
                            problems.append('%s: %s “%s” is English'
                                            % (where, cell.coordinate, cell.value))
            if not check_print:
                continue
            ps = ws.page_setup
            if ps.orientation != 'landscape':
                problems.append('%s: not landscape' % where)
            if not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage:
                problems.append('%s: not fitted to the page' % where)
            elif ps.fitToWidth not in (None, 1) or ps.fitToHeight != 0:
                problems.append('%s: not fitted to one page wide (%s × %s)'
                                % (where, ps.fitToWidth, ps.fitToHeight))
            if ps.paperSize not in (None, 9, '9'):
                problems.append('%s: paper %s, not A4' % (where, ps.paperSize))
            if ws.print_title_rows not in ('1:1', '$1:$1'):
                problems.append('%s: the header row is not repeated on every page (%s)'
                                % (where, ws.print_title_rows))
            if ws.auto_filter.ref:
                first_col, first_row, last_col, last_row = range_boundaries(ws.auto_filter.ref)
                data_rows = ws.max_row
                if last_row > data_rows:
                    problems.append('%s: the autofilter %s runs past the data'
                                    % (where, ws.auto_filter.ref))
                # the rows below the filter, if any, are totals: bold
                for r in range(last_row + 1, ws.max_row + 1):
                    if all(c.value is None for c in ws[r]):
                        continue
                    if not ws.cell(r, 1).font.b:
                        problems.append('%s: row %d below the autofilter %s is not a total'
                                        % (where, r, ws.auto_filter.ref))
    for p in problems[:30]:
        print(p, file=sys.stderr)
    if len(problems) > 30:
        print('… and %d more' % (len(problems) - 30), file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
