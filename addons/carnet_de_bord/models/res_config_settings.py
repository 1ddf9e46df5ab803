from odoo import api, fields, models

from ..sections import SECTION_KEYS
from ..settings import (ACCESS_LOG_MONTHS, ACCESS_REASON_HOURS, APPOINTMENT_REMINDER_DAYS,
                        REFERENT_MINIMUM_SECTIONS, RETENTION_YEARS, REVIEW_INTERVAL_MONTHS,
                        SECTIONS_HIDDEN_BY_DEFAULT)

SECTIONS_HELP = "Sections, separated by commas: %s." % ", ".join(SECTION_KEYS)


class ResConfigSettings(models.TransientModel):
    """The carnet de bord's figures on the settings screen (settings.py),
    with a table of their defaults and sources."""

    _inherit = "res.config.settings"

    cdb_review_interval_months = fields.Integer(
        "Months between two reviews", help=REVIEW_INTERVAL_MONTHS.source)
    cdb_access_reason_hours = fields.Float(
        "Hours a reason for consulting a carnet stands", help=ACCESS_REASON_HOURS.source)
    cdb_retention_years = fields.Integer(
        "Years a closed carnet is kept", help=RETENTION_YEARS.source)
    cdb_access_log_months = fields.Integer(
        "Months a line of the journal of accesses is kept", help=ACCESS_LOG_MONTHS.source)
    cdb_referent_minimum_sections = fields.Char(
        "Sections the référent always reads", help=SECTIONS_HELP)
    cdb_sections_hidden_by_default = fields.Char(
        "Sections a new member does not read by default", help=SECTIONS_HELP)
    cdb_appointment_reminder_days = fields.Integer(
        "Days before an appointment its reminder is sent",
        help=APPOINTMENT_REMINDER_DAYS.source)
    cdb_settings_sources = fields.Html(
        "Figures of the carnet de bord", compute="_compute_cdb_settings_sources",
        sanitize=False)

    @api.model
    def _cdb_settings(self):
        settings = super()._cdb_settings()
        settings.update({
            "cdb_review_interval_months": REVIEW_INTERVAL_MONTHS,
            "cdb_access_reason_hours": ACCESS_REASON_HOURS,
            "cdb_retention_years": RETENTION_YEARS,
            "cdb_access_log_months": ACCESS_LOG_MONTHS,
            "cdb_referent_minimum_sections": REFERENT_MINIMUM_SECTIONS,
            "cdb_sections_hidden_by_default": SECTIONS_HIDDEN_BY_DEFAULT,
            "cdb_appointment_reminder_days": APPOINTMENT_REMINDER_DAYS,
        })
        return settings

    def _compute_cdb_settings_sources(self):
        html = self._cdb_settings_sources_html([
            "cdb_review_interval_months", "cdb_access_reason_hours", "cdb_retention_years",
            "cdb_access_log_months", "cdb_referent_minimum_sections",
            "cdb_sections_hidden_by_default", "cdb_appointment_reminder_days"])
        for settings in self:
            settings.cdb_settings_sources = html
