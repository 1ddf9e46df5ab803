from odoo import api, fields, models

from .. import settings


class ResConfigSettings(models.TransientModel):
    """The orientation module's figures on the settings screen
    (``settings.py``: each with its default and its source in the guide)."""

    _inherit = "res.config.settings"

    rsa_new_regime_date = fields.Date(
        "Date of the new regime (loi pour le plein emploi)",
        help=settings.NEW_REGIME_DATE.source)
    rsa_lump_sum_amount = fields.Float(
        "Montant forfaitaire of a single person (€/month)", digits=(12, 2),
        help=settings.LUMP_SUM_AMOUNT.source)
    rsa_activity_income_threshold = fields.Float(
        "Professional income threshold (€ net/month)", digits=(12, 2),
        help=settings.ACTIVITY_INCOME_THRESHOLD.source)
    rsa_contract_deadline_professional_months = fields.Integer(
        "Contract deadline after a professional orientation (months)",
        help=settings.CONTRACT_DEADLINE_PROFESSIONAL_MONTHS.source)
    rsa_contract_deadline_solidarity_months = fields.Integer(
        "Contract deadline after a solidarity orientation (months)",
        help=settings.CONTRACT_DEADLINE_SOLIDARITY_MONTHS.source)
    rsa_solidarity_max_months = fields.Integer(
        "Longest solidarity accompaniment before the EP (months)",
        help=settings.SOLIDARITY_MAX_MONTHS.source)
    rsa_ep_opinion_delay_months = fields.Integer(
        "Delay of the EP's opinion (months)", help=settings.EP_OPINION_DELAY_MONTHS.source)
    rsa_ede_professional_below = fields.Integer(
        "New scales: professional orientation below (points)",
        help=settings.EDE_PROFESSIONAL_BELOW.source)
    rsa_ede_solidarity_above = fields.Integer(
        "New scales: solidarity orientation above (points)",
        help=settings.EDE_SOLIDARITY_ABOVE.source)
    rsa_ede_max_levels = fields.Integer(
        "Levels (paliers) per item of a scale", help=settings.EDE_MAX_LEVELS.source)
    rsa_radiation_after_months = fields.Integer(
        "Radiation after months of suspension", help=settings.RADIATION_AFTER_MONTHS.source)

    @api.model
    def _cdb_settings(self):
        result = super()._cdb_settings()
        result.update({
            "rsa_new_regime_date": settings.NEW_REGIME_DATE,
            "rsa_lump_sum_amount": settings.LUMP_SUM_AMOUNT,
            "rsa_activity_income_threshold": settings.ACTIVITY_INCOME_THRESHOLD,
            "rsa_contract_deadline_professional_months":
                settings.CONTRACT_DEADLINE_PROFESSIONAL_MONTHS,
            "rsa_contract_deadline_solidarity_months":
                settings.CONTRACT_DEADLINE_SOLIDARITY_MONTHS,
            "rsa_solidarity_max_months": settings.SOLIDARITY_MAX_MONTHS,
            "rsa_ep_opinion_delay_months": settings.EP_OPINION_DELAY_MONTHS,
            "rsa_ede_professional_below": settings.EDE_PROFESSIONAL_BELOW,
            "rsa_ede_solidarity_above": settings.EDE_SOLIDARITY_ABOVE,
            "rsa_ede_max_levels": settings.EDE_MAX_LEVELS,
            "rsa_radiation_after_months": settings.RADIATION_AFTER_MONTHS,
        })
        return result

    @api.model
    def _cdb_settings_changed(self, keys):
        """The orientations' due dates and regime follow the new settings."""
        result = super()._cdb_settings_changed(keys)
        self.env["rsa.orientation"]._recompute_after_settings(keys)
        return result

    @api.multi
    def set_values(self):
        self._check_ede_thresholds()
        return super().set_values()

    def _check_ede_thresholds(self):
        """The default thresholds of a new scale obey the scale's own rule."""
        for record in self:
            if record.rsa_ede_professional_below > record.rsa_ede_solidarity_above:
                self.env["rsa.ede.scale"]._raise_thresholds_order()
