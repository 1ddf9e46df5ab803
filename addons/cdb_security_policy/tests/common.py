"""Shared helpers of the security tests."""
import re
from contextlib import contextmanager

import pyotp

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HOST, PORT, HttpCase, SavepointCase, get_db_name

STRONG_PASSWORD = "Carnet-de-bord-2026"
PROFESSIONAL = "carnet_de_bord.group_cdb_professional"
EMPLOYEE = "base.group_user"


def create_user(env, login, group=EMPLOYEE, password=STRONG_PASSWORD):
    """An internal user of one group with a password of the policy."""
    return env["res.users"].with_context(no_reset_password=True).create({
        "name": login.replace(".", " ").title(), "login": login,
        "email": "%s@ut.example" % login, "password": password,
        "groups_id": [(6, 0, env.ref(group).ids)]})


def enrol(user, name="UT phone"):
    """Enrol an authenticator app for ``user``; returns its TOTP."""
    secret = pyotp.random_base32()
    user.env["res.users.authenticator"].sudo().create({
        "name": name, "secret_key": secret, "user_id": user.id})
    user.sudo().write({"mfa_enabled": True})
    return pyotp.TOTP(secret)


def wrong_code(totp):
    """A six-digit code that the TOTP does not accept now."""
    code = int(totp.now())
    while totp.verify("%06d" % code, valid_window=1):
        code = (code + 1) % 1000000
    return "%06d" % code


class SecurityCase(SavepointCase):
    """ORM-level tests: one transaction, rolled back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US", tracking_disable=True))


class SecurityHttpCase(HttpCase):
    """Real HTTP and XML-RPC requests to the test server. The requests run on
    the test cursor of ``registry.enter_test_mode``: prepare and check data
    with ``with self.test_env() as env`` between requests (never while one
    runs); everything is rolled back at the end."""

    def setUp(self):
        super().setUp()
        # Odoo 11 answers a login with a page whose script redirects, but
        # with a real redirect to Firefox: be Firefox
        self.opener.headers["User-Agent"] = (
            "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0")

    @contextmanager
    def test_env(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            env.clear()  # the requests changed the database under this thread's cache
            yield env

    def rpc_login(self, login, password):
        """The uid of an XML-RPC login, or False when refused."""
        return self.xmlrpc_common.login(get_db_name(), login, password)

    def csrf(self, response):
        match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        self.assertTrue(match, "no CSRF token in %s" % response.url)
        return match.group(1)

    def web_login(self, login, password):
        """Post the login form; returns the final response (redirects followed)."""
        page = self.url_open("/web/login")
        return self.url_open("/web/login", data={
            "login": login, "password": password, "csrf_token": self.csrf(page)})

    def web_code(self, code):
        """Post a code on auth_totp's code page; returns the final response."""
        page = self.url_open("/auth_totp/login")
        return self.url_open("/auth_totp/login", data={
            "confirmation_code": code, "csrf_token": self.csrf(page)})

    def web_uid(self):
        """The uid of the browser session (False when nobody is logged in)."""
        response = self.opener.post(
            "http://%s:%s/web/session/get_session_info" % (HOST, PORT),
            json={"jsonrpc": "2.0", "method": "call", "params": {}}, timeout=10)
        return response.json().get("result", {}).get("uid") or False
