from odoo import api, fields, models

from ..settings import (BAN_DELAY_MINUTES, MAX_FAILURES_BY_ADDRESS, MAX_FAILURES_BY_LOGIN,
                        PASSWORD_POLICY_SOURCE, SESSION_TIMEOUT_SECONDS, TOTP_REQUIRED)


class ResConfigSettings(models.TransientModel):
    """The security figures on the settings screen (settings.py): the
    password policy of the company (OCA password_security) and the system
    parameters of password guessing, sessions and the second factor."""

    _inherit = "res.config.settings"

    cdb_password_length = fields.Integer(
        "Minimum password length", related="company_id.password_length",
        help=PASSWORD_POLICY_SOURCE)
    cdb_password_lower = fields.Integer(
        "Lower case letters", related="company_id.password_lower", help=PASSWORD_POLICY_SOURCE)
    cdb_password_upper = fields.Integer(
        "Upper case letters", related="company_id.password_upper", help=PASSWORD_POLICY_SOURCE)
    cdb_password_numeric = fields.Integer(
        "Digits", related="company_id.password_numeric", help=PASSWORD_POLICY_SOURCE)
    cdb_password_special = fields.Integer(
        "Special characters", related="company_id.password_special",
        help=PASSWORD_POLICY_SOURCE)
    cdb_password_expiration = fields.Integer(
        "Password renewal (days)", related="company_id.password_expiration",
        help=PASSWORD_POLICY_SOURCE)
    cdb_password_history = fields.Integer(
        "Previous passwords refused", related="company_id.password_history",
        help=PASSWORD_POLICY_SOURCE)
    cdb_max_failures_by_login = fields.Integer(
        "Failed logins before the ban (login and address)", help=MAX_FAILURES_BY_LOGIN.source)
    cdb_max_failures_by_address = fields.Integer(
        "Failed logins before the ban (address)", help=MAX_FAILURES_BY_ADDRESS.source)
    cdb_ban_delay_minutes = fields.Integer(
        "Ban delay (minutes)", help=BAN_DELAY_MINUTES.source)
    cdb_session_timeout_seconds = fields.Integer(
        "Inactive session timeout (seconds)", help=SESSION_TIMEOUT_SECONDS.source)
    cdb_totp_required = fields.Boolean(
        "Two-factor authentication required for the professionals",
        help=TOTP_REQUIRED.source)

    @api.model
    def _cdb_settings(self):
        settings = super()._cdb_settings()
        settings.update({
            "cdb_max_failures_by_login": MAX_FAILURES_BY_LOGIN,
            "cdb_max_failures_by_address": MAX_FAILURES_BY_ADDRESS,
            "cdb_ban_delay_minutes": BAN_DELAY_MINUTES,
            "cdb_session_timeout_seconds": SESSION_TIMEOUT_SECONDS,
            "cdb_totp_required": TOTP_REQUIRED,
        })
        return settings
