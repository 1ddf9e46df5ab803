"""Write one formatted worksheet of an export: bold header row, column
widths, dates as date cells, frozen header row and an autofilter.

Rows are written in order, which the workbook's ``constant_memory`` mode
requires: each row is flushed to disk as soon as the next one starts."""

import datetime

# Kinds of columns and how their cells are written.
TEXT, DATE, INTEGER, NUMBER, PERCENT = "text", "date", "integer", "number", "percent"
# A spreadsheet date is the number of days since 30 December 1899.
EXCEL_EPOCH = datetime.date(1899, 12, 30).toordinal()


class Column(object):
    """One column of a sheet: its header, the kind of its cells, its width."""

    __slots__ = ("label", "kind", "width")

    def __init__(self, label, kind=TEXT, width=None):
        self.label = label
        self.kind = kind
        self.width = width or {TEXT: 24, DATE: 12, INTEGER: 10, NUMBER: 10,
                               PERCENT: 10}[kind]


class SheetWriter(object):
    """A worksheet with its header written; ``write_row`` appends a row,
    ``close`` sets the autofilter over what was written."""

    def __init__(self, workbook, title, columns):
        self.columns = columns
        self.sheet = workbook.add_worksheet(title[:31])
        self.formats = _formats(workbook)
        for index, column in enumerate(columns):
            self.sheet.set_column(index, index, column.width, self.formats.get(column.kind))
        for index, column in enumerate(columns):
            self.sheet.write_string(0, index, column.label, self.formats["header"])
        self.sheet.freeze_panes(1, 0)
        self.row = 1

    def write_row(self, values):
        for index, (column, value) in enumerate(zip(self.columns, values)):
            if value is None or value is False or value == "":
                continue
            if column.kind == DATE:
                self.sheet.write_number(self.row, index, excel_date(value), self.formats[DATE])
            elif column.kind in (INTEGER, NUMBER, PERCENT):
                self.sheet.write_number(self.row, index, value, self.formats[column.kind])
            else:
                self.sheet.write_string(self.row, index, str(value))
        self.row += 1

    def close(self):
        self.sheet.autofilter(0, 0, max(self.row - 1, 0), len(self.columns) - 1)
        return self.row - 1


def excel_date(value):
    """The serial number of a date ("2026-11-22", as Odoo's cursor returns
    dates, or a date): written with a date format, it is a date cell. Much
    cheaper than parsing the string into a datetime for each cell."""
    if isinstance(value, str):
        value = datetime.date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    return value.toordinal() - EXCEL_EPOCH


def _formats(workbook):
    """The cell formats of a workbook, created once."""
    formats = getattr(workbook, "_cdb_formats", None)
    if formats is None:
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#DDEBF7",
                                           "border": 1, "text_wrap": True,
                                           "valign": "top"}),
            DATE: workbook.add_format({"num_format": "dd/mm/yyyy"}),
            INTEGER: workbook.add_format({"num_format": "0"}),
            NUMBER: workbook.add_format({"num_format": "0.0"}),
            PERCENT: workbook.add_format({"num_format": "0.0%"}),
        }
        workbook._cdb_formats = formats
    return formats
