from odoo import models


class CdbNotebook(models.Model):
    """The orientation records of a carnet follow it in the retention purge
    and the right-of-access export (carnet_de_bord,
    models/cdb_notebook_data_protection.py)."""

    _inherit = "cdb.notebook"

    def _cdb_personal_records(self):
        notebooks = self.sudo().with_context(active_test=False)
        return [
            notebooks.mapped("ep_case_ids"),
            notebooks.mapped("orientation_ids"),
            notebooks.mapped("ede_assessment_ids.line_ids"),
            notebooks.mapped("ede_assessment_ids"),
            notebooks.mapped("dsp_ids"),
        ] + super()._cdb_personal_records()


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _cdb_anonymous_values(self):
        values = super()._cdb_anonymous_values()
        values.update({
            "rsa_spouse_id": False, "rsa_household_resources": 0.0,
            "rsa_has_activity": False, "rsa_activity_income": 0.0,
        })
        return values
