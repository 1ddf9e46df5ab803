from psycopg2 import sql as pgsql

from odoo import _, api, fields, models

from .sql_queries import allowed_ids_query
from .xlsx_sheet import SheetWriter

# Rows fetched from the server-side cursor at a time: the memory of an
# export does not grow with the number of rows.
FETCH_SIZE = 5000


class CdbXlsxExport(models.AbstractModel):
    """Base of the département's spreadsheet exports (issue "XLSX exports"):
    the rows are read with SQL through a server-side cursor, restricted to
    the records the user may read (the record rules of ``_export_model``),
    and written to a ``constant_memory`` workbook, so that exporting 100,000
    carnets needs no more memory than exporting ten.

    An export is called either from the "Print" menu of a list (the selected
    records) or from the export wizard (``data["filters"]``: territory,
    structure, date range). A subclass sets ``_export_model``, the path to the
    carnet (``_notebook_path``) and the date the range filters
    (``_date_field``), and implements ``_write_sheets``.
    """

    _name = "report.cdb_departement.xlsx_export"
    _inherit = "report.report_xlsx.abstract"
    _description = "Spreadsheet export of the département"

    _export_model = None
    _notebook_path = "notebook_id"
    _date_field = None

    def get_workbook_options(self):
        return {"constant_memory": True, "strings_to_formulas": False,
                "strings_to_urls": False, "strings_to_numbers": False}

    def generate_xlsx_report(self, workbook, data, objs):
        domain = self._export_domain(data or {}, objs)
        ids_sql, ids_params = self._allowed_ids_query(domain)
        self._write_sheets(workbook, ids_sql, ids_params)

    def _write_sheets(self, workbook, ids_sql, ids_params):
        raise NotImplementedError()

    # ------------------------------------------------------------ selection
    def _export_domain(self, data, objs):
        """The wizard's filters, or else the records selected in the list."""
        filters = data.get("filters")
        if filters is not None:
            return self._filter_domain(filters)
        return [("id", "in", objs.ids)]

    def _filter_domain(self, filters):
        """Territory and structure of the carnet, and a date range on the
        export's own date."""
        prefix = self._notebook_path + "." if self._notebook_path else ""
        domain = []
        if filters.get("territory_id"):
            domain.append((prefix + "territory_id", "=", int(filters["territory_id"])))
        if filters.get("structure_id"):
            domain.append((prefix + "structure_id", "=", int(filters["structure_id"])))
        if self._date_field:
            if filters.get("date_from"):
                domain.append((self._date_field, ">=", filters["date_from"]))
            if filters.get("date_to"):
                domain.append((self._date_field, "<=", filters["date_to"]))
        return domain

    def _allowed_ids_query(self, domain):
        return allowed_ids_query(self.env[self._export_model], domain)

    # -------------------------------------------------------------- writing
    def _write_query(self, workbook, title, columns, sql, ids_sql, ids_params,
                     params=None, convert=None):
        """Write one sheet from ``sql``, which reads the allowed ids from the
        table ``allowed`` (a CTE) and takes named ``params``: the rows come
        from a server-side cursor, ``FETCH_SIZE`` at a time, and ``convert``
        turns each into the cells of a row."""
        # Never empty, so that psycopg2 always formats the query.
        params = dict(params or {}, today=self._today())
        sheet = SheetWriter(workbook, title, columns)
        cr = self.env.cr
        cursor_name = pgsql.Identifier("cdb_export_%d" % id(sheet))
        # the queries are the module's constants and the SQL of a search
        # (allowed_ids_query), its values bound by psycopg2 (_literal)
        declare = pgsql.SQL("DECLARE {} NO SCROLL CURSOR FOR WITH allowed AS ({}) {}").format(
            cursor_name, pgsql.SQL(self._literal(ids_sql, ids_params)), pgsql.SQL(sql))
        cr.execute(declare, params)
        fetch = pgsql.SQL("FETCH {} FROM {}").format(pgsql.Literal(FETCH_SIZE), cursor_name)
        while True:
            cr.execute(fetch)
            rows = cr.fetchall()
            if not rows:
                break
            for row in rows:
                sheet.write_row(convert(row) if convert else row)
        # (on an error the transaction is rolled back, and the cursor with it)
        cr.execute(pgsql.SQL("CLOSE {}").format(cursor_name))
        return sheet.close()

    def _literal(self, sql, params):
        """``sql`` with its positional parameters bound, ready to be embedded
        in a query with named parameters."""
        return self.env.cr.mogrify(sql, params).decode().replace("%", "%%")

    def _labels(self, model, field_name):
        """Value → label of a selection field, in the user's language."""
        field = self.env[model]._fields[field_name]
        return dict(field._description_selection(self.env))

    def _yes_no_labels(self):
        """A function writing a boolean as "Yes" or "No", translated once
        (not once per row)."""
        labels = {True: _("Yes"), False: _("No")}
        return lambda value: labels[bool(value)]

    @api.model
    def _today(self):
        return fields.Date.context_today(self)
