from odoo import fields, models


class CdbImportJobLine(models.Model):
    """One reason why a line of an imported file is rejected: the report the
    user reads (line, column, value, reason). Written by the job only (in
    bulk, cdb.import.report): no field changes through a client."""

    _name = "cdb.import.job.line"
    _inherit = ["cdb.workflow.mixin"]
    _description = "Import report line"
    _order = "job_id, line, id"
    _workflow_fields = ("job_id", "line", "column", "value", "reason")

    job_id = fields.Many2one("cdb.import.job", "Import", required=True, ondelete="cascade",
                             index=True)
    line = fields.Integer(help="Line number in the file (the header is line 1).")
    column = fields.Char()
    value = fields.Char()
    reason = fields.Char(required=True)
