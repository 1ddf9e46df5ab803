from odoo import api, fields, models

from ..settings import REVIEW_INTERVAL_MONTHS


class ResConfigSettings(models.TransientModel):
    """The carnet de bord's figures on the settings screen (settings.py)."""

    _inherit = "res.config.settings"

    cdb_review_interval_months = fields.Integer(
        "Months between two reviews", help=REVIEW_INTERVAL_MONTHS.source)

    @api.model
    def _cdb_settings(self):
        settings = super()._cdb_settings()
        settings.update({"cdb_review_interval_months": REVIEW_INTERVAL_MONTHS})
        return settings
