from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import settings

# settings field name: Setting
FIELDS = {
    "rsa_engagement_duration_months": settings.ENGAGEMENT_DURATION_MONTHS,
    "rsa_engagement_max_months": settings.ENGAGEMENT_MAX_MONTHS,
    "rsa_engagement_weekly_hours_target": settings.WEEKLY_HOURS_TARGET,
    "rsa_engagement_hours_review_max_months": settings.HOURS_REVIEW_MAX_MONTHS,
    "rsa_engagement_conversion_deadline": settings.CONVERSION_DEADLINE,
    "rsa_engagement_observation_delay_days": settings.OBSERVATION_DELAY_DAYS,
    "rsa_engagement_ep_opinion_required": settings.EP_OPINION_REQUIRED,
    "rsa_engagement_suspension_rate_min": settings.SUSPENSION_RATE_MIN,
    "rsa_engagement_suspension_rate_max": settings.SUSPENSION_RATE_MAX,
    "rsa_engagement_household_rate_cap": settings.HOUSEHOLD_RATE_CAP,
    "rsa_engagement_first_failure_min_months": settings.FIRST_FAILURE_MIN_MONTHS,
    "rsa_engagement_first_failure_max_months": settings.FIRST_FAILURE_MAX_MONTHS,
    "rsa_engagement_repeated_failure_max_months": settings.REPEATED_FAILURE_MAX_MONTHS,
}


class ResConfigSettings(models.TransientModel):
    """The figures of the law in force on the settings screen
    (``settings.py``: each with its default and its source)."""

    _inherit = "res.config.settings"

    rsa_engagement_duration_months = fields.Integer(
        "Duration of a new contrat d'engagement (months)",
        help=settings.ENGAGEMENT_DURATION_MONTHS.source)
    rsa_engagement_max_months = fields.Integer(
        "Longest contrat d'engagement (months)", help=settings.ENGAGEMENT_MAX_MONTHS.source)
    rsa_engagement_weekly_hours_target = fields.Float(
        "Weekly activity target (hours)", digits=(6, 1),
        help=settings.WEEKLY_HOURS_TARGET.source)
    rsa_engagement_hours_review_max_months = fields.Integer(
        "Review of a lower weekly target within (months)",
        help=settings.HOURS_REVIEW_MAX_MONTHS.source)
    rsa_engagement_conversion_deadline = fields.Date(
        "Guide's contracts converted by", help=settings.CONVERSION_DEADLINE.source)
    rsa_engagement_observation_delay_days = fields.Integer(
        "Delay to present observations (days)", help=settings.OBSERVATION_DELAY_DAYS.source)
    rsa_engagement_ep_opinion_required = fields.Boolean(
        "EP opinion before each sanction", help=settings.EP_OPINION_REQUIRED.source)
    rsa_engagement_suspension_rate_min = fields.Integer(
        "Lowest suspended share (%)", help=settings.SUSPENSION_RATE_MIN.source)
    rsa_engagement_suspension_rate_max = fields.Integer(
        "Highest suspended share (%)", help=settings.SUSPENSION_RATE_MAX.source)
    rsa_engagement_household_rate_cap = fields.Integer(
        "Highest share for a household of several persons (%)",
        help=settings.HOUSEHOLD_RATE_CAP.source)
    rsa_engagement_first_failure_min_months = fields.Integer(
        "Shortest suspension (months)", help=settings.FIRST_FAILURE_MIN_MONTHS.source)
    rsa_engagement_first_failure_max_months = fields.Integer(
        "Longest suspension for a first failure (months)",
        help=settings.FIRST_FAILURE_MAX_MONTHS.source)
    rsa_engagement_repeated_failure_max_months = fields.Integer(
        "Longest suspension for a repeated failure (months)",
        help=settings.REPEATED_FAILURE_MAX_MONTHS.source)
    rsa_engagement_sources = fields.Html(
        "Sources of the law in force", compute="_compute_rsa_engagement_sources")

    @api.model
    def _cdb_settings(self):
        result = super()._cdb_settings()
        result.update(FIELDS)
        return result

    def _compute_rsa_engagement_sources(self):
        for record in self:
            record.rsa_engagement_sources = record._cdb_settings_sources_html(list(FIELDS))

    @api.multi
    def set_values(self):
        self._check_sanction_figures()
        return super().set_values()

    def _check_sanction_figures(self):
        """The bounds of the sanctions keep their order."""
        for record in self:
            if record.rsa_engagement_suspension_rate_min > \
                    record.rsa_engagement_suspension_rate_max or \
                    record.rsa_engagement_household_rate_cap < \
                    record.rsa_engagement_suspension_rate_min:
                raise ValidationError(_(
                    "The lowest suspended share comes below the highest one and below the "
                    "cap of a household of several persons."))
            if not (record.rsa_engagement_first_failure_min_months
                    <= record.rsa_engagement_first_failure_max_months
                    <= record.rsa_engagement_repeated_failure_max_months):
                raise ValidationError(_(
                    "The durations of the suspensions keep their order: shortest, longest "
                    "for a first failure, longest for a repeated failure."))
