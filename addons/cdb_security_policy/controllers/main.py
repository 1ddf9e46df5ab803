import secrets

from odoo import _, http
from odoo.http import request

from odoo.addons.auth_totp_password_security.controllers.main import AuthTotpPasswordSecurity

from ..models.res_users import (ENROL_SESSION_KEY, SECOND_STEP_SESSION_KEY,
                                password_verified_uid)
from ..models.res_users_authenticator_create import pyotp, totp_qr_code_data_uri

ENROL_URL = "/cdb_security_policy/totp/enrol"
SECRET_SESSION_KEY = "cdb_totp_enrol_secret"


class CdbTotpLogin(AuthTotpPasswordSecurity):
    """The web login with a second factor (OCA auth_totp), and the enrolment
    of the second factor the département requires.

    **The code step.** OCA auth_totp 11.0 finishes the login by
    authenticating again with the password it expects in the session; this
    Odoo 11 keeps a session token instead and never stores the password, so
    the step could never succeed. Once the code is right, ``mfa_login_post``
    below lends auth_totp a random one-time secret instead of the password,
    valid for this request only, for the user whose password the first step
    verified (``password_verified_uid``); ``res.users.check_credentials``
    accepts it once. The rest is auth_totp's (and password_security's
    expiry check).

    **The enrolment.** The département may require a second factor
    (``TOTP_REQUIRED``) from users who have none yet.

    ``res.users.check_credentials`` refuses such a user's password alone and,
    only once the password was verified, writes the user's id in the session
    (``ENROL_SESSION_KEY``): the web login then sends here. The page shows a
    new secret (QR code and text, kept in the server-side session), and a
    code of the authenticator app proves the app holds it: the authenticator
    is created, two-factor authentication turned on, and the user logs in
    again with the password and a code.
    """

    @http.route()
    def web_login(self, redirect=None, **kw):
        for key in (ENROL_SESSION_KEY, SECOND_STEP_SESSION_KEY):
            request.session.pop(key, None)
        response = super().web_login(redirect=redirect, **kw)
        if request.session.get(ENROL_SESSION_KEY) and not request.session.uid:
            return http.local_redirect(ENROL_URL, query={"redirect": redirect})
        return response

    @http.route()
    def mfa_login_post(self, *args, **kwargs):
        uid = password_verified_uid()
        user = request.env["res.users"].sudo().browse(uid) if uid else None
        if not user or user.login != request.session.get("login"):
            return super().mfa_login_post(*args, **kwargs)
        token = secrets.token_urlsafe(32)
        # auth_totp reads the password here: a one-time secret, this request only
        request.session["password"] = token
        request.session[SECOND_STEP_SESSION_KEY + "_token"] = [uid, token]
        try:
            response = super().mfa_login_post(*args, **kwargs)
        finally:
            request.session.pop("password", None)
            request.session.pop(SECOND_STEP_SESSION_KEY + "_token", None)
        if request.params.get("login_success"):
            request.session.pop(SECOND_STEP_SESSION_KEY, None)
        return response

    @http.route(ENROL_URL, type="http", auth="public", methods=["GET", "POST"])
    def totp_enrol(self, redirect=None, confirmation_code=None, device_name=None, **kw):
        user = self._enrolling_user()
        if not user:
            return http.local_redirect("/web/login", query={"redirect": redirect})
        request.context = dict(request.context, lang=user.lang)  # not the public user's
        secret = request.session.get(SECRET_SESSION_KEY)
        if not secret:
            secret = request.session[SECRET_SESSION_KEY] = pyotp.random_base32()
        values = {"redirect": redirect, "secret": secret, "login": user.login,
                  "qr_code": totp_qr_code_data_uri(request.env, secret, user),
                  "device_name": device_name or _("Authenticator app")}
        if request.httprequest.method == "POST":
            if not pyotp.TOTP(secret).verify(confirmation_code or "", valid_window=1):
                values["error"] = _("This code is not the current code of the app: check "
                                    "the time of the phone and try the next code.")
                return request.render("cdb_security_policy.totp_enrol", values)
            self._enrol(user, secret, values["device_name"])
            return http.local_redirect("/web/login", query={
                "redirect": redirect,
                "message": _("Two-factor authentication is on: log in with your "
                             "password, then a code of the app.")})
        return request.render("cdb_security_policy.totp_enrol", values)

    @staticmethod
    def _enrolling_user():
        """The user whose password this session verified and who must enrol
        a second factor, or an empty recordset."""
        uid = request.session.get(ENROL_SESSION_KEY)
        # sudo: the session holds the id only after check_credentials
        # verified this user's password (nobody is logged in yet)
        user = request.env["res.users"].sudo().browse(uid).exists() if uid else None
        if not user or user.mfa_enabled or not user._cdb_totp_required():
            return request.env["res.users"]
        return user

    @staticmethod
    def _enrol(user, secret, device_name):
        # sudo: the password was verified (session) and the code proves that
        # the app holds the secret; nobody is logged in yet
        user = user.sudo()
        names = set(user.authenticator_ids.mapped("name"))
        name, number = device_name, 1
        while name in names:  # one name per device of a user (auth_totp)
            number += 1
            name = "%s (%d)" % (device_name, number)
        user.env["res.users.authenticator"].create({
            "name": name, "secret_key": secret, "user_id": user.id})
        user.write({"mfa_enabled": True})
        request.session.pop(ENROL_SESSION_KEY, None)
        request.session.pop(SECRET_SESSION_KEY, None)
