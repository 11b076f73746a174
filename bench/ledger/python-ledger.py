#!/usr/bin/python3
# python-ledger.py DATABASE OUT.xlsx — the second reference of bench/ledger:
# the same grant ledger (same SQL, same cells, formats and sheets) written
# with Python's XlsxWriter in constant_memory mode (Debian:
# python3-xlsxwriter).  See bare-ledger.c for the SQL's origin.
import datetime
import sqlite3
import sys

import xlsxwriter

FULL = "b.family_name || ' ' || b.given_name || coalesce (' ' || b.patronymic, '')"
LATIN = ("nullif (trim (coalesce (b.family_name_latin, '') || ' ' || coalesce (b.given_name_latin, '') "
         "|| coalesce (' ' || b.patronymic_latin, '')), '')")
MEMBERS = ("(SELECT group_concat (m, char (30)) FROM (SELECT b.case_number || char (31) || "
           + FULL + " || char (31) || coalesce (" + LATIN + ", '') AS m "
           "FROM grant_beneficiary gb JOIN beneficiary b ON b.id = gb.beneficiary_id "
           "WHERE gb.grant_id = g.id ORDER BY b.case_number))")
LEDGER = ("SELECT d.paid_on, g.id, upper (substr (g.id, 1, 8)), g.purpose, " + MEMBERS + ", o.district, "
          " d.tranche, d.method, d.reference, d.amount, coalesce (g.amount_approved, 0), "
          " (SELECT sum (d2.amount) FROM disbursement d2 WHERE d2.grant_id = d.grant_id "
          "  AND d2.deleted_at IS NULL AND d2.tranche <= d.tranche), "
          " g.status, coalesce (u.full_name, d.created_by) "
          "FROM disbursement d JOIN reintegration_grant g ON g.id = d.grant_id "
          "JOIN office o ON o.id = g.office_id LEFT JOIN app_user u ON u.id = d.created_by "
          "WHERE d.deleted_at IS NULL AND g.deleted_at IS NULL AND (?1 IS NULL OR o.district = ?1) "
          "ORDER BY d.paid_on, d.grant_id, d.tranche")
TOTALS = ("WITH gp AS (SELECT o.district AS district, "
          "  coalesce ((SELECT substr (max (h.at), 1, 7) FROM grant_history h WHERE h.grant_id = g.id "
          "             AND h.to_state = 'approved'), substr (g.updated_at, 1, 7)) AS month, "
          "  (SELECT coalesce (sum (d.amount), 0) FROM disbursement d WHERE d.grant_id = g.id "
          "   AND d.deleted_at IS NULL) AS paid, "
          "  g.amount_approved AS approved, g.status AS status "
          " FROM reintegration_grant g JOIN office o ON o.id = g.office_id "
          " WHERE g.deleted_at IS NULL AND g.amount_approved IS NOT NULL "
          " AND (?1 IS NULL OR o.district = ?1) AND (?2 IS NULL OR g.office_id = ?2)) "
          "SELECT district, CASE WHEN ?3 THEN month END AS m, count (*), "
          " sum (CASE WHEN status = 'cancelled' THEN paid ELSE approved END), sum (paid) "
          "FROM gp GROUP BY district, m ORDER BY district, m")

STATUS = {"draft": "Draft", "submitted": "Submitted", "approved": "Approved", "rejected": "Rejected",
          "disbursing": "Being disbursed", "disbursed": "Disbursed", "verified": "Verified",
          "cancelled": "Cancelled"}
METHOD = {"cash": "Cash", "bank_transfer": "Bank transfer", "supplier_payment": "Payment to a supplier"}
EPOCH = datetime.date(1899, 12, 30).toordinal()


def serial(iso):
    return datetime.date(int(iso[0:4]), int(iso[5:7]), int(iso[8:10])).toordinal() - EPOCH


def text(ws, r, c, t):
    if t:
        ws.write_string(r, c, t)


def header(ws, fmt, titles, widths):
    for c, (t, w) in enumerate(zip(titles, widths)):
        ws.write_string(0, c, t, fmt)
        ws.set_column(c, c, w)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, 0, len(titles) - 1)


def split(packed):
    cases, names, latin = [], [], []
    for m in (packed or "").split("\x1e"):
        f = m.split("\x1f")
        if len(f) == 3:
            cases.append(f[0])
            names.append(f[1])
            if f[2]:
                latin.append(f[2])
    return "; ".join(cases), "; ".join(names), "; ".join(latin)


def totals(db, ws, by_month, money, month_fmt, bold):
    c = 2 if by_month else 1
    r = 1
    n = approved = paid = 0
    for district, month, g, a, p in db.execute(TOTALS, (None, None, 1 if by_month else 0)):
        text(ws, r, 0, district)
        if by_month and month is not None:
            ws.write_number(r, 1, serial(month + "-01"), month_fmt)
        ws.write_number(r, c, g)
        ws.write_number(r, c + 1, a / 100.0, money)
        ws.write_number(r, c + 2, p / 100.0, money)
        ws.write_number(r, c + 3, (a - p) / 100.0, money)
        n += g
        approved += a
        paid += p
        r += 1
    if not by_month:
        ws.write_string(r, 0, "All districts", bold)
        ws.write_number(r, c, n)
        ws.write_number(r, c + 1, approved / 100.0, money)
        ws.write_number(r, c + 2, paid / 100.0, money)
        ws.write_number(r, c + 3, (approved - paid) / 100.0, money)


def main():
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
    hdr = wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
    date = wb.add_format({"num_format": "dd.mm.yyyy"})
    money = wb.add_format({"num_format": '#,##0.00 "TJS"'})
    wb.add_format({"num_format": "0"})
    wb.add_format({"text_wrap": True})
    month_fmt = wb.add_format({"num_format": "mmmm yyyy"})
    bold = wb.add_format({"bold": True})

    ws = wb.add_worksheet("Ledger")
    header(ws, hdr, ["Date paid", "Grant No.", "Purpose", "Case numbers", "Beneficiaries",
                     "Beneficiaries (Latin)", "District", "Tranche", "Method", "Reference", "Amount",
                     "Approved", "Paid to date", "Remaining", "Grant status", "Recorded by"],
           [12, 11, 34, 18, 30, 30, 16, 8, 20, 24, 14, 14, 14, 14, 14, 22])
    r = 1
    for (paid_on, _id, ref, purpose, members, district, tranche, method, reference, amount,
         approved, to_date, status, recorded_by) in db.execute(LEDGER, (None,)):
        cases, names, latin = split(members)
        ws.write_number(r, 0, serial(paid_on), date)
        text(ws, r, 1, ref)
        text(ws, r, 2, purpose)
        text(ws, r, 3, cases)
        text(ws, r, 4, names)
        text(ws, r, 5, latin)
        text(ws, r, 6, district)
        ws.write_number(r, 7, tranche)
        text(ws, r, 8, METHOD.get(method, method))
        text(ws, r, 9, reference)
        ws.write_number(r, 10, amount / 100.0, money)
        ws.write_number(r, 11, approved / 100.0, money)
        ws.write_number(r, 12, to_date / 100.0, money)
        ws.write_number(r, 13, (approved - to_date) / 100.0, money)
        text(ws, r, 14, STATUS.get(status, status))
        text(ws, r, 15, recorded_by)
        r += 1

    ws = wb.add_worksheet("By district")
    header(ws, hdr, ["District", "Grants", "Approved", "Paid", "Remaining"], [20, 10, 16, 16, 16])
    totals(db, ws, False, money, month_fmt, bold)
    ws = wb.add_worksheet("By month")
    header(ws, hdr, ["District", "Month approved", "Grants", "Approved", "Paid", "Remaining"],
           [20, 14, 10, 16, 16, 16])
    totals(db, ws, True, money, month_fmt, bold)
    wb.close()


if __name__ == "__main__":
    main()
