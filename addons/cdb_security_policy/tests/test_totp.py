import re

import pyotp

from odoo.exceptions import AccessDenied, AccessError
from odoo.tests.common import at_install, post_install

from odoo.addons.auth_totp.exceptions import MfaLoginNeeded

from ..models.res_users import TotpEnrolmentNeeded
from ..settings import MAX_FAILURES_BY_LOGIN, TOTP_REQUIRED
from .common import (EMPLOYEE, PROFESSIONAL, STRONG_PASSWORD, SecurityCase, SecurityHttpCase,
                     create_user, enrol, wrong_code)


def require_totp(env, required=True):
    env["ir.config_parameter"].sudo().set_param(TOTP_REQUIRED.key,
                                                TOTP_REQUIRED.serialize(required))


class TestTotpRequirement(SecurityCase):
    """Two-factor authentication (OCA auth_totp) is offered to every user;
    the département may require it from the roles that may read health
    details (``TOTP_REQUIRED``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.professional = create_user(cls.env, "ut.health", PROFESSIONAL)
        cls.employee = create_user(cls.env, "ut.employee", EMPLOYEE)

    def _check(self, user, password=STRONG_PASSWORD):
        user.sudo(user).check_credentials(password)

    def test_not_required_by_default(self):
        self.assertFalse(TOTP_REQUIRED.get(self.env))
        self._check(self.professional)

    def test_required_refuses_a_professional_without_second_factor(self):
        require_totp(self.env)
        with self.assertRaises(TotpEnrolmentNeeded):
            self._check(self.professional)
        self._check(self.employee)  # no health details for this role: not required
        with self.assertRaises(AccessDenied):  # a wrong password stays a wrong password
            self._check(self.professional, "Not-the-password-1")

    def test_required_and_enrolled_asks_for_the_code(self):
        require_totp(self.env)
        enrol(self.professional)
        with self.assertRaises(MfaLoginNeeded):
            self._check(self.professional)

    def test_offered_to_every_user(self):
        """Any internal user enrols an app from the preferences wizard, whose
        QR code is sent inline (the secret stays out of URLs and logs)."""
        Wizard = self.env["res.users.authenticator.create"].sudo(self.employee)
        wizard = Wizard.with_context(uid=self.employee.id).create(
            {"name": "UT phone", "confirmation_code": "000000"})
        self.assertIn('src="data:image/png;base64,', wizard.qr_code_tag)
        self.assertNotIn(wizard.secret_key, wizard.qr_code_tag)
        wizard.confirmation_code = pyotp.TOTP(wizard.secret_key).now()
        wizard.action_create()
        self.employee.sudo(self.employee).write({"mfa_enabled": True})
        self.assertTrue(self.employee.mfa_enabled)

    def test_required_user_cannot_turn_it_off(self):
        require_totp(self.env)
        enrol(self.professional)
        with self.assertRaises(AccessError):
            self.professional.sudo(self.professional).write({"mfa_enabled": False})
        self.professional.write({"mfa_enabled": False})  # an administrator may (lost phone)
        self.assertFalse(self.professional.mfa_enabled)


@at_install(False)
@post_install(True)
class TestTotpLogin(SecurityHttpCase):
    """The web login with a second factor and the enrolment the département
    requires, as a browser does it (real HTTP requests)."""

    def setUp(self):
        super().setUp()
        with self.test_env() as env:
            require_totp(env)
            self.uid = create_user(env, "ut.health", PROFESSIONAL).id

    def test_password_alone_is_refused_over_xmlrpc(self):
        self.assertFalse(self.rpc_login("ut.health", STRONG_PASSWORD))
        with self.test_env() as env:
            enrol(env["res.users"].browse(self.uid))
        self.assertFalse(self.rpc_login("ut.health", STRONG_PASSWORD))

    def test_enrol_then_log_in_with_a_code(self):
        page = self.web_login("ut.health", STRONG_PASSWORD)
        self.assertIn("/cdb_security_policy/totp/enrol", page.url)
        self.assertFalse(self.web_uid())
        secret = re.search(r'id="cdb_totp_secret">([A-Z2-7]+)<', page.text).group(1)
        totp = pyotp.TOTP(secret)
        self.url_open("/cdb_security_policy/totp/enrol", data={
            "confirmation_code": wrong_code(totp), "device_name": "UT phone",
            "csrf_token": self.csrf(page)})
        with self.test_env() as env:
            self.assertFalse(env["res.users"].browse(self.uid).mfa_enabled)
        done = self.url_open("/cdb_security_policy/totp/enrol", data={
            "confirmation_code": totp.now(), "device_name": "UT phone",
            "csrf_token": self.csrf(page)})
        self.assertIn("/web/login", done.url)
        self.assertFalse(self.web_uid())
        with self.test_env() as env:
            user = env["res.users"].browse(self.uid)
            self.assertTrue(user.mfa_enabled)
            self.assertEqual(user.authenticator_ids.mapped("name"), ["UT phone"])

        step = self.web_login("ut.health", STRONG_PASSWORD)
        self.assertIn("/auth_totp/login", step.url)
        self.assertFalse(self.web_uid())
        self.web_code(wrong_code(totp))
        self.assertFalse(self.web_uid())
        self.web_code(totp.now())
        self.assertEqual(self.web_uid(), self.uid)

    def test_enrolment_page_needs_the_password_first(self):
        page = self.url_open("/cdb_security_policy/totp/enrol")
        self.assertIn("/web/login", page.url)
        self.web_login("ut.health", "Not-the-password-1")
        page = self.url_open("/cdb_security_policy/totp/enrol")
        self.assertIn("/web/login", page.url)

    def test_code_guessing_is_banned_too(self):
        with self.test_env() as env:
            totp = enrol(env["res.users"].browse(self.uid))
            limit = MAX_FAILURES_BY_LOGIN.get(env)
        step = self.web_login("ut.health", STRONG_PASSWORD)
        self.assertIn("/auth_totp/login", step.url, [r.url for r in step.history])
        for _attempt in range(limit):
            self.web_code(wrong_code(totp))
        self.web_code(totp.now())
        self.assertFalse(self.web_uid())
        with self.test_env() as env:
            results = env["res.authentication.attempt"].search(
                [("login", "=", "ut.health")], order="id").mapped("result")
        self.assertEqual(results[-1], "banned")
