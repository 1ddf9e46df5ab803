"""Writing the files an import gives back (its templates, its report of
rejected lines) as XLSX or CSV. Every text cell is written as text, never as
a formula: a rejected value such as ``=HYPERLINK(…)`` is data from an
imported file, so it goes through ``cdb_base.tools.spreadsheet_text`` and,
in XLSX, ``write_string``. No Odoo model here: pure functions."""
import csv
import io
import numbers

import xlsxwriter

from odoo.addons.cdb_base.tools import spreadsheet_text

COLUMN_WIDTH = 22


def _is_number(value):
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _cell_text(value):
    return spreadsheet_text("" if value is None or value is False else str(value))


def xlsx_bytes(sheets):
    """A workbook of ``sheets`` [(title, rows)], the first row of each in
    bold; numbers are numbers, anything else a text."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    bold = workbook.add_format({"bold": True})
    for title, rows in sheets:
        sheet = workbook.add_worksheet(title[:31])
        for row_index, row in enumerate(rows):
            cell_format = bold if row_index == 0 else None
            for column, value in enumerate(row):
                if _is_number(value):
                    sheet.write_number(row_index, column, value, cell_format)
                else:
                    sheet.write_string(row_index, column, _cell_text(value), cell_format)
        sheet.set_column(0, max(len(row) for row in rows), COLUMN_WIDTH)
    workbook.close()
    return output.getvalue()


def csv_bytes(rows):
    """A CSV file (``;``, UTF-8 with BOM, as Excel opens it) of ``rows``."""
    output = io.StringIO()
    csv.writer(output, delimiter=";").writerows(
        [value if _is_number(value) else _cell_text(value) for value in row] for row in rows)
    return output.getvalue().encode("utf-8-sig")
