from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Export kind → its report (report/cdb_export_reports.xml).
EXPORT_REPORTS = {
    "caseload": "cdb_departement.report_export_caseload",
    "notebooks": "cdb_departement.report_export_notebooks",
    "contracts": "cdb_departement.report_export_contracts",
    "orientations": "cdb_departement.report_export_orientations",
    "ede": "cdb_departement.report_export_ede",
    "actions": "cdb_departement.report_export_actions",
    "ep_cases": "cdb_departement.report_export_ep_cases",
}


class CdbExportWizard(models.TransientModel):
    """The managers' export menu: choose what to export, optionally narrow it
    to a territory, a structure and a period, and download the spreadsheet.
    The export holds only what the user may read."""

    _name = "cdb.export.wizard"
    _description = "Spreadsheet export"

    export_kind = fields.Selection([
        ("caseload", "Caseload by référent and structure"),
        ("notebooks", "Carnets de bord"),
        ("contracts", "Contracts"),
        ("orientations", "Orientations"),
        ("ede", "Employment-distance scale: distribution and evolution"),
        ("actions", "Actions by theme and status"),
        ("ep_cases", "EP cases"),
    ], "Export", required=True, default="caseload")
    territory_id = fields.Many2one("cdb.territory", "Territory")
    structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure", domain=[("cdb_is_structure", "=", True)])
    date_from = fields.Date("From")
    date_to = fields.Date("To")
    date_help = fields.Char("Period on", compute="_compute_date_help")

    @api.depends("export_kind")
    def _compute_date_help(self):
        help_by_kind = {
            "caseload": _("not used: the caseload is today's"),
            "notebooks": _("start of the accompaniment"),
            "contracts": _("start of the contract"),
            "orientations": _("decision date"),
            "ede": _("date of the assessment"),
            "actions": _("start of the action"),
            "ep_cases": _("submission date"),
        }
        for wizard in self:
            wizard.date_help = help_by_kind.get(wizard.export_kind)

    @api.multi
    def action_export(self):
        self.ensure_one()
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(_("The start of the period must be before its end."))
        report = self.env.ref(EXPORT_REPORTS[self.export_kind])
        return report.report_action([], data={"filters": self._filters()}, config=False)

    def _filters(self):
        return {
            "territory_id": self.territory_id.id,
            "structure_id": self.structure_id.id,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }
