"""Reading the imported files: CSV (``;`` or ``,``, UTF-8 with or without
BOM, Windows-1252) and XLSX, into rows of stripped texts keyed by the
normalised column header. No Odoo model here: pure functions, also used to
normalise the values the columns compare (accents, case, spaces)."""
import csv
import io
import logging
import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache

_logger = logging.getLogger(__name__)
try:
    import xlrd
except ImportError:  # the manifest's external dependency
    _logger.debug("xlrd is missing: XLSX files cannot be imported")

EXCEL_EPOCH = date(1899, 12, 30)
# Excel serial numbers of 01/01/1900 .. 31/12/9999
EXCEL_SERIAL_RANGE = (1, 2958465)
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y", "%Y/%m/%d")
XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0"


class FileFormatError(Exception):
    """The file cannot be read at all (the message is shown to the user)."""


@lru_cache(maxsize=100000)
def normalize(text):
    """Lower case, no accents, words joined by "_": "Numéro CAF/MSA " and
    "numero caf msa" are the same header; also used for labels."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def read_table(content, filename=""):
    """(header, rows) of a CSV or XLSX file: ``header`` is the list of the
    header cells, ``rows`` a list of (line number in the file, cells) with
    every cell a stripped text; lines whose cells are all empty are skipped."""
    if content[:4] in (XLSX_MAGIC, XLS_MAGIC) or (filename or "").lower().endswith(
            (".xlsx", ".xls")):
        table = _read_excel(content)
    else:
        table = _read_csv(content)
    table = [(number, [clean_cell(c) for c in cells]) for number, cells in table]
    table = [(number, cells) for number, cells in table if any(cells)]
    if not table:
        raise FileFormatError("empty")
    header, rows = table[0][1], table[1:]
    return header, rows


def clean_cell(value):
    """A cell as text: no spaces around, non-breaking spaces and line breaks
    made plain spaces."""
    text = str(value if value is not None else "")
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def _decode(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileFormatError("encoding")


def _read_csv(content):
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    # A cell may be as long as the file: the validation rejects a too long
    # cell on its line (the csv module's own limit would stop the reading).
    if csv.field_size_limit() <= len(text):
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(reader.line_num, cells) for cells in reader]
    except csv.Error:
        raise FileFormatError("csv")


def _read_excel(content):
    try:
        book = xlrd.open_workbook(file_contents=content)
    except Exception:
        raise FileFormatError("excel")
    sheet = book.sheet_by_index(0)
    return [(index + 1, [_excel_cell(cell, book.datemode) for cell in sheet.row(index)])
            for index in range(sheet.nrows)]


def _excel_cell(cell, datemode):
    if cell.ctype == xlrd.XL_CELL_DATE:
        value = xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        return value.strftime("%d/%m/%Y")
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return str(int(cell.value)) if float(cell.value).is_integer() else str(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "oui" if cell.value else "non"
    return cell.value


def parse_date(text):
    """ISO date string of a French date (31/12/1980), an ISO date, or an
    Excel serial number (29221); None when it is none of them."""
    text = text.strip()
    if text.isdigit() and EXCEL_SERIAL_RANGE[0] <= int(text) <= EXCEL_SERIAL_RANGE[1] \
            and len(text) <= 7:
        return (EXCEL_EPOCH + timedelta(days=int(text))).isoformat()
    text = text.split(" ")[0].split("T")[0]
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def parse_float(text):
    """A French or English number: "1 234,50", "1234.5"; None when invalid
    (also "inf", "nan" or a number too large for a float)."""
    text = text.replace(" ", "").replace("€", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def split_list(text):
    """Items of a list cell separated by commas, semicolons, "|" or spaces."""
    return [item for item in re.split(r"[\s,;|]+", text) if item]
