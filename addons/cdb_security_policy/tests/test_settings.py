from odoo.exceptions import ValidationError

from ..settings import BAN_DELAY_MINUTES, MAX_FAILURES_BY_LOGIN, TOTP_REQUIRED
from .common import SecurityCase


class TestSecuritySettings(SecurityCase):
    """The security figures on the settings screen, with their source."""

    def _settings(self, **vals):
        return self.env["res.config.settings"].create(vals)

    def test_values_shown_with_their_source(self):
        settings = self._settings()
        self.assertEqual(settings.cdb_password_length, 12)
        self.assertEqual(settings.cdb_max_failures_by_login, 10)
        self.assertEqual(settings.cdb_ban_delay_minutes, BAN_DELAY_MINUTES.default)
        self.assertEqual(settings.cdb_session_timeout_seconds, 7200)
        self.assertFalse(settings.cdb_totp_required)
        for name in ("cdb_password_length", "cdb_max_failures_by_login",
                     "cdb_ban_delay_minutes", "cdb_totp_required"):
            self.assertIn("CNIL" if name != "cdb_totp_required" else "ANSSI",
                          settings._fields[name].help, name)
        view = self.env.ref("base.res_config_settings_view_form")
        arch = self.env["res.config.settings"].fields_view_get(view.id, "form")["arch"]
        for name in ("cdb_password_length", "cdb_ban_delay_minutes", "cdb_totp_required"):
            self.assertIn('name="%s"' % name, arch)

    def test_values_written(self):
        self._settings(cdb_max_failures_by_login=5, cdb_ban_delay_minutes=30,
                       cdb_totp_required=True, cdb_password_length=14).execute()
        self.assertEqual(MAX_FAILURES_BY_LOGIN.get(self.env), 5)
        self.assertEqual(BAN_DELAY_MINUTES.get(self.env), 30)
        self.assertTrue(TOTP_REQUIRED.get(self.env))
        self.assertEqual(self.env.ref("base.main_company").password_length, 14)

    def test_bounds_checked(self):
        with self.assertRaises(ValidationError):
            self._settings(cdb_max_failures_by_login=0).execute()
