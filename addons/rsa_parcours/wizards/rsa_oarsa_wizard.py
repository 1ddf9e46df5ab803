from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The figures the wizard shows, each opening the carnets it counts.
FIGURES = ("subject", "oriented", "oriented_law", "with_contract", "oriented_in_year",
           "oriented_in_time", "notified_signed")


def _last_year(model):
    return fields.Date.from_string(fields.Date.context_today(model)).year - 1


class RsaOarsaWizard(models.TransientModel):
    """The yearly statistics (modelled on the DREES OARSA survey): choose the
    year, optionally a territory or a structure; see the figures, each
    opening the carnets it counts, or download the spreadsheet
    (report/export_oarsa.py). It counts what the user may read."""

    _name = "rsa.oarsa.wizard"
    _description = "Yearly statistics of orientation and accompaniment"

    year = fields.Integer(required=True, default=_last_year)
    territory_id = fields.Many2one("cdb.territory", "Territory")
    structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure", domain=[("cdb_is_structure", "=", True)])
    computed = fields.Boolean()
    subject_count = fields.Integer("Subject to rights and duties on 31 December")
    oriented_count = fields.Integer("Oriented on 31 December")
    oriented_law_count = fields.Integer("of which under the law")
    with_contract_count = fields.Integer("With a contract running on 31 December")
    oriented_in_year_count = fields.Integer("Oriented during the year")
    oriented_in_time_count = fields.Integer("of which within the delay")
    notified_signed_count = fields.Integer("Notified in the year, then a signed contract")
    median_orientation_days = fields.Float(
        "Median days to the orientation", digits=(16, 1))
    median_contract_days = fields.Float(
        "Median days from the notification to the contract", digits=(16, 1))

    def _check_year(self):
        if not 2000 <= self.year <= 2100:
            raise UserError(_("Choose a year between 2000 and 2100."))

    def _data(self):
        return {"year": self.year, "filters": {
            "territory_id": self.territory_id.id, "structure_id": self.structure_id.id}}

    def _report(self):
        return self.env["report.rsa_parcours.export_oarsa"]

    @api.multi
    def action_export(self):
        self.ensure_one()
        self._check_year()
        report = self.env.ref("rsa_parcours.report_export_oarsa")
        return report.report_action([], data=self._data(), config=False)

    @api.multi
    def action_show(self):
        """The figures on the screen, each with its list."""
        self.ensure_one()
        self._check_year()
        figures = self._report()._figures(self._data())
        values = {key + "_count": figures[key] or 0 for key in FIGURES}
        values.update({
            "median_orientation_days": figures["median_orientation_days"] or 0.0,
            "median_contract_days": figures["median_contract_days"] or 0.0,
            "computed": True,
        })
        self.write(values)
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new"}

    @api.multi
    def action_open_figure(self):
        """Open the carnets behind a figure (the button's context names it)."""
        self.ensure_one()
        key = self.env.context.get("oarsa_figure")
        if key not in FIGURES:
            raise UserError(_("Unknown figure."))
        ids = self._report()._figure_notebook_ids(self._data(), key)
        return {
            "type": "ir.actions.act_window",
            "name": self._fields[key + "_count"].get_description(self.env)["string"],
            "res_model": "cdb.notebook", "view_mode": "tree,form",
            "views": [(False, "tree"), (False, "form")],
            "domain": [("id", "in", ids)], "target": "current",
        }
