from odoo import _, api, fields, models
from odoo.exceptions import UserError


def _last_year(model):
    return fields.Date.from_string(fields.Date.context_today(model)).year - 1


class RsaOarsaWizard(models.TransientModel):
    """The yearly statistics export (modelled on the DREES OARSA survey):
    choose the year, optionally a territory or a structure, download the
    spreadsheet (report/export_oarsa.py). It counts what the user may read."""

    _name = "rsa.oarsa.wizard"
    _description = "Yearly statistics of orientation and accompaniment"

    year = fields.Integer(required=True, default=_last_year)
    territory_id = fields.Many2one("cdb.territory", "Territory")
    structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure", domain=[("cdb_is_structure", "=", True)])

    @api.multi
    def action_export(self):
        self.ensure_one()
        if not 2000 <= self.year <= 2100:
            raise UserError(_("Choose a year between 2000 and 2100."))
        report = self.env.ref("rsa_parcours.report_export_oarsa")
        return report.report_action([], data={"year": self.year, "filters": {
            "territory_id": self.territory_id.id, "structure_id": self.structure_id.id}},
            config=False)
