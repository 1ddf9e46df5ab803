import psycopg2
from psycopg2 import errorcodes

from odoo import _, api, models

from .cdb_import_writer import csv_bytes, xlsx_bytes

# The longest value a report line keeps of a rejected cell.
REPORT_VALUE_LENGTH = 500


class CdbImportReport(models.AbstractModel):
    """The report of an import: one ``cdb.import.job.line`` per reason a
    line of the file is rejected (line, column, value, reason), shown on the
    form and downloaded as XLSX or CSV. The rejected values come from the
    file: they are written as texts, never as formulas. A part of
    ``cdb.import.job`` (``_inherit``)."""

    _name = "cdb.import.report"
    _description = "Import reports"

    @api.multi
    def action_download_report_xlsx(self):
        self.ensure_one()
        return self._download(xlsx_bytes([(_("Report"), self._report_rows())]), "xlsx",
                              _("report"))

    @api.multi
    def action_download_report_csv(self):
        self.ensure_one()
        return self._download(csv_bytes(self._report_rows()), "csv", _("report"))

    def _report_rows(self):
        self.env.cr.execute("""
            SELECT line, "column", value, reason FROM cdb_import_job_line
            WHERE job_id = %s ORDER BY line, id""", (self.id,))
        rows = [list(row) for row in self.env.cr.fetchall()]
        return [[_("Line"), _("Column"), _("Value"), _("Reason")]] + rows

    def _store_errors(self, errors):
        """Add the report lines of ``errors`` [(line, column, value, reason)]
        (in bulk: a file may have 100,000 wrong lines) and count the rejected
        lines."""
        if not errors:
            return
        fast = self.env["cdb.import.fast.create"]
        ids = fast._reserve_ids("cdb.import.job.line", len(errors))
        fast._create("cdb.import.job.line", [
            {"id": line_id, "job_id": self.id, "line": line, "column": column,
             "value": (value or "")[:REPORT_VALUE_LENGTH], "reason": reason}
            for line_id, (line, column, value, reason) in zip(ids, errors)])
        self.invalidate_cache()
        self.env.cr.execute("SELECT count(DISTINCT line) FROM cdb_import_job_line "
                            "WHERE job_id = %s", (self.id,))
        self._workflow_write({"rejected_count": self.env.cr.fetchone()[0]})

    def _write_error_reason(self, error):
        """The French reason of a line the database or a constraint refused
        when it was written (the validation did not foresee it: a record
        deleted meanwhile, a rule of another module…)."""
        if not isinstance(error, psycopg2.Error):
            return error.name if hasattr(error, "name") else str(error)
        code = error.pgcode
        if code == errorcodes.NOT_NULL_VIOLATION:
            return _("A required value is missing (%s).") % self._column_label(error)
        if code == errorcodes.FOREIGN_KEY_VIOLATION:
            return _("A record this line refers to does not exist (any more).")
        if code == errorcodes.UNIQUE_VIOLATION:
            return _("This record already exists.")
        if code in (errorcodes.STRING_DATA_RIGHT_TRUNCATION,
                    errorcodes.PROGRAM_LIMIT_EXCEEDED):
            return _("A value of this line is too long.")
        return _("The line could not be written (database error %s).") % code

    def _column_label(self, error):
        """The label of the field of a database error, else its column."""
        diag = getattr(error, "diag", None)
        table, column = getattr(diag, "table_name", None), getattr(diag, "column_name", None)
        for model in self.env.values():
            if model._table == table and column in model._fields:
                return model._fields[column].get_description(self.env)["string"]
        return column or "?"
