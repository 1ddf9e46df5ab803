from odoo.addons.password_security.exceptions import PassError
from odoo.tests.common import SavepointCase


class TestPasswordPolicy(SavepointCase):
    """The département's defaults: 12 characters mixing four kinds, a
    2-hour session timeout, and demo logins that still work."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": "UT Password", "login": "ut.password",
            "email": "ut.password@ut.example",
            "groups_id": [(6, 0, cls.env.ref("base.group_user").ids)]})

    def test_weak_passwords_refused(self):
        for weak in ("ut.password", "Abcdefgh1!", "abcdefghijk1!", "ABCDEFGHIJK1!",
                     "Abcdefghijkl!", "Abcdefghijkl1"):
            with self.assertRaises(PassError, msg=weak):
                self.user.write({"password": weak})

    def test_strong_password_accepted(self):
        self.user.write({"password": "Carnet-de-bord-2026"})
        self.assertTrue(self.user.password_write_date)

    def test_data_files_are_not_checked(self):
        """What the modules' data files write (demo logins) is not checked."""
        self.user.with_context(install_mode_data={"xml_id": "demo"}).write(
            {"password": "ut.password"})

    def test_session_timeout_two_hours(self):
        delay = self.env["ir.config_parameter"]._auth_timeout_get_parameter_delay()
        self.assertEqual(delay, 7200)
        self.assertEqual(self.env.ref("base.main_company").password_length, 12)
