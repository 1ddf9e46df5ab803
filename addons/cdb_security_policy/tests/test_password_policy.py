from odoo.tests.common import at_install, post_install

from odoo.addons.password_security.exceptions import PassError

from .common import SecurityCase, create_user


@at_install(False)
@post_install(True)
class TestPasswordPolicy(SecurityCase):
    """The département's defaults: 12 characters mixing four kinds, a
    2-hour session timeout; the policy holds for every password written
    while the server serves requests (post-install: the registry is ready,
    as it is for an RPC client)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = create_user(cls.env, "ut.password")

    def test_weak_passwords_refused(self):
        for weak in ("ut.password", "Abcdefgh1!", "abcdefghijk1!", "ABCDEFGHIJK1!",
                     "Abcdefghijkl!", "Abcdefghijkl1"):
            with self.assertRaises(PassError, msg=weak):
                self.user.write({"password": weak})

    def test_strong_password_accepted(self):
        self.user.write({"password": "Carnet-de-bord-2027"})
        self.assertTrue(self.user.password_write_date)

    def test_client_context_key_does_not_skip_the_policy(self):
        """``install_mode_data`` is what Odoo's data loader puts in the
        context; sent by a client it must not weaken the rule."""
        context = {"install_mode_data": {"xml_id": "demo", "module": "carnet_de_bord"}}
        with self.assertRaises(PassError):
            self.user.with_context(**context).write({"password": "ut.password"})
        with self.assertRaises(PassError):
            self.user.sudo(self.user).with_context(**context).write({"password": "weak"})

    def test_data_files_skip_the_policy_while_the_registry_loads(self):
        """The only exception: the data files (demo logins, password = login)
        loaded while the registry is being built."""
        self.assertTrue(self.registry.ready)
        self.registry.ready = False
        self.addCleanup(setattr, self.registry, "ready", True)
        self.user.with_context(install_mode_data={"xml_id": "demo"}).write(
            {"password": "ut.password"})
        with self.assertRaises(PassError):  # without the loader's key: checked
            self.user.write({"password": "ut.password2"})

    def test_session_timeout_two_hours(self):
        delay = self.env["ir.config_parameter"]._auth_timeout_get_parameter_delay()
        self.assertEqual(delay, 7200)
        self.assertEqual(self.env.ref("base.main_company").password_length, 12)
