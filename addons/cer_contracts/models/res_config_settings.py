from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..settings import (CONTRACT_DECISION_DAYS, EDE_BEFORE_FIRST_CONTRACT, EXPIRY_NOTICE_DAYS,
                        LIAISON_ANSWER_DAYS, MAX_JOBS_SOUGHT, PROFESSIONAL_DURATIONS_MONTHS,
                        RENEWAL_DELAY_DAYS, SOLIDARITY_DURATION_MONTHS, parse_durations)


class ResConfigSettings(models.TransientModel):
    """The figures of the contracts and fiches de liaison on the settings
    screen (settings.py)."""

    _inherit = "res.config.settings"

    cer_solidarity_duration_months = fields.Integer(
        "Duration of a CER solidarité (months)", help=SOLIDARITY_DURATION_MONTHS.source)
    cer_professional_durations = fields.Char(
        "Durations of a CER professionnel (months)",
        help=PROFESSIONAL_DURATIONS_MONTHS.source + " (e.g. 3,6,9,12)")
    cer_expiry_notice_days = fields.Integer(
        "Reminder before the end of a contract (days)", help=EXPIRY_NOTICE_DAYS.source)
    cer_renewal_delay_days = fields.Integer(
        "Delay before a contract not renewed may go to the EP (days)",
        help=RENEWAL_DELAY_DAYS.source)
    cer_ede_before_first_contract = fields.Boolean(
        "Employment-distance scale before the first contract",
        help=EDE_BEFORE_FIRST_CONTRACT.source)
    cer_liaison_answer_days = fields.Integer(
        "Delay for the correspondant's answer (days)", help=LIAISON_ANSWER_DAYS.source)
    cer_contract_decision_days = fields.Integer(
        "Delay for the decision on a submitted contract (days)",
        help=CONTRACT_DECISION_DAYS.source)
    cer_max_jobs_sought = fields.Integer(
        "Jobs sought in a CER professionnel (at most)", help=MAX_JOBS_SOUGHT.source)

    @api.model
    def _cdb_settings(self):
        settings = super()._cdb_settings()
        settings.update({
            "cer_solidarity_duration_months": SOLIDARITY_DURATION_MONTHS,
            "cer_professional_durations": PROFESSIONAL_DURATIONS_MONTHS,
            "cer_expiry_notice_days": EXPIRY_NOTICE_DAYS,
            "cer_renewal_delay_days": RENEWAL_DELAY_DAYS,
            "cer_ede_before_first_contract": EDE_BEFORE_FIRST_CONTRACT,
            "cer_liaison_answer_days": LIAISON_ANSWER_DAYS,
            "cer_contract_decision_days": CONTRACT_DECISION_DAYS,
            "cer_max_jobs_sought": MAX_JOBS_SOUGHT,
        })
        return settings

    @api.multi
    def set_values(self):
        for settings in self:
            if parse_durations(settings.cer_professional_durations) is None:
                raise ValidationError(_(
                    "Durations of a CER professionnel: give whole numbers of months "
                    "separated by commas, e.g. 3,6,9,12."))
        return super().set_values()
