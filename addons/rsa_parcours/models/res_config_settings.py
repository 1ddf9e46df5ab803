from odoo import api, fields, models

from .. import settings


class ResConfigSettings(models.TransientModel):
    """The law's figures of this module on the settings screen
    (``settings.py``: each with its default and its source)."""

    _inherit = "res.config.settings"

    rsa_orientation_delay_weeks = fields.Integer(
        "Orientation delay (weeks)", help=settings.ORIENTATION_DELAY_WEEKS.source)
    rsa_contract_delay_months = fields.Integer(
        "Contract delay after the notification (months)",
        help=settings.CONTRACT_DELAY_MONTHS.source)
    rsa_joint_diagnostic_months = fields.Integer(
        "Joint diagnostic delay, social parcours (months)",
        help=settings.JOINT_DIAGNOSTIC_MONTHS.source)
    rsa_joint_diagnostic_max_months = fields.Integer(
        "Joint diagnostic delay, at most with a reason (months)",
        help=settings.JOINT_DIAGNOSTIC_MAX_MONTHS.source)
    rsa_parcours_settings_sources = fields.Html(
        "Defaults and sources", compute="_compute_rsa_parcours_settings_sources")

    @api.model
    def _cdb_settings(self):
        result = super()._cdb_settings()
        result.update({
            "rsa_orientation_delay_weeks": settings.ORIENTATION_DELAY_WEEKS,
            "rsa_contract_delay_months": settings.CONTRACT_DELAY_MONTHS,
            "rsa_joint_diagnostic_months": settings.JOINT_DIAGNOSTIC_MONTHS,
            "rsa_joint_diagnostic_max_months": settings.JOINT_DIAGNOSTIC_MAX_MONTHS,
        })
        return result

    def _compute_rsa_parcours_settings_sources(self):
        for record in self:
            record.rsa_parcours_settings_sources = record._cdb_settings_sources_html([
                "rsa_orientation_delay_weeks", "rsa_contract_delay_months",
                "rsa_joint_diagnostic_months", "rsa_joint_diagnostic_max_months"])
