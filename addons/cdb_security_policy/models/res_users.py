import time
from threading import current_thread

from odoo import _, api, models
from odoo.exceptions import AccessDenied, AccessError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.auth_totp.exceptions import MfaLoginNeeded

from ..settings import TOTP_REQUIRED

# The roles that may read health details: every group of the product implies
# it (référents, accompagnateurs, structure administrators, correspondants,
# managers, functional administrators; see carnet_de_bord's ACCESS.rst).
HEALTH_READER_GROUP = "carnet_de_bord.group_cdb_professional"
# Session key set once the password of a user who must enrol a second factor
# was verified: the enrolment page (controllers/main.py) serves that user only.
ENROL_SESSION_KEY = "cdb_totp_enrol_uid"
# Session key set once the first step of a two-factor login verified the
# password: [uid, time]; the code step (controllers/main.py) completes it.
SECOND_STEP_SESSION_KEY = "cdb_totp_password_verified"
SECOND_STEP_SECONDS = 300


class TotpEnrolmentNeeded(AccessDenied):
    """The password is right, but the département requires a second factor
    that this user has not enrolled yet: the login is refused, the web login
    sends to the enrolment page."""


class ResUsers(models.Model):
    """Passwords, password guessing and the second factor.

    * The password policy (OCA password_security, set on the company by
      data/cdb_security_policy_data.xml) applies to every password written
      while the server serves requests. Only the data files loaded while the
      registry is being built (module install/update: the demo logins, whose
      password is their login) skip it; a context key sent by a client
      (``install_mode_data``) changes nothing.
    * A wrong second-factor code counts as a failed login attempt (OCA
      auth_brute_force), and a banned address is refused the code step too.
    * When the département requires it (``TOTP_REQUIRED``), the roles that
      may read health details log in with a second factor (OCA auth_totp):
      without one enrolled, the password alone is refused and the web login
      sends to the enrolment page.
    """

    _inherit = "res.users"

    # ------------------------------------------------------------ passwords
    @api.multi
    def _check_password(self, password):
        if self.env.context.get("install_mode_data") and not self.pool.ready:
            return True
        return super()._check_password(password)

    # ---------------------------------------------------------- second factor
    @api.multi
    def _cdb_totp_required(self):
        """Whether the département requires a second factor of this user."""
        self.ensure_one()
        if not TOTP_REQUIRED.get(self.env):
            return False
        # not has_group(): in Odoo 11 it checks the user of the environment
        group = self.env.ref(HEALTH_READER_GROUP, raise_if_not_found=False)
        return bool(group) and group in self.sudo().groups_id

    @api.model
    def check_credentials(self, password):
        if _is_second_step_secret(self.env.uid, password):
            return  # the first step verified the password, auth_totp the code
        try:
            super().check_credentials(password)
        except MfaLoginNeeded:
            # auth_totp raises it once the password was verified
            if request:
                request.session[SECOND_STEP_SESSION_KEY] = [self.env.uid, time.time()]
            raise
        user = self.env.user
        if not user.mfa_enabled and user._cdb_totp_required():
            if request:
                request.session[ENROL_SESSION_KEY] = user.id
            raise TotpEnrolmentNeeded()

    @api.multi
    def write(self, vals):
        if "mfa_enabled" in vals and not vals["mfa_enabled"]:
            self._check_may_disable_totp()
        return super().write(vals)

    @api.multi
    def _check_may_disable_totp(self):
        """A user the département requires a second factor of cannot turn it
        off; an administrator can (a lost phone: the user enrols again at the
        next login)."""
        if self.env.user._is_admin():
            return
        if any(user._cdb_totp_required() for user in self):
            raise AccessError(_("The département requires two-factor authentication "
                                "for your role: it cannot be turned off."))

    @api.multi
    def validate_mfa_confirmation_code(self, confirmation_code):
        """The code step of the login counts against password guessing: a
        banned address is refused even the right code, a wrong code is a
        failed attempt."""
        self.ensure_one()
        remote = _remote_address()
        # sudo: attempts are read and written by administrators only; this
        # runs for a user who is logging in (password already checked)
        attempts = self.env["res.authentication.attempt"].sudo()
        if remote and not attempts._trusted(remote, self.login):
            attempts.create({"login": self.login, "remote": remote, "result": "banned"})
            return False
        valid = super().validate_mfa_confirmation_code(confirmation_code)
        if remote and not valid:
            attempts.create({"login": self.login, "remote": remote, "result": "failed"})
        return valid


def password_verified_uid():
    """The user whose password the first step of a two-factor login verified
    in this session less than ``SECOND_STEP_SECONDS`` ago, or None."""
    uid, since = (request.session.get(SECOND_STEP_SESSION_KEY) or [None, 0]) if request \
        else (None, 0)
    return uid if uid and time.time() - since < SECOND_STEP_SECONDS else None


def _is_second_step_secret(uid, password):
    """Whether ``password`` is the one-time secret that the code step
    (controllers/main.py) lends auth_totp, in this request, for ``uid``
    whose code auth_totp has just accepted."""
    if not request or request.session.get("mfa_login_active") != uid:
        return False
    lent = request.session.get(SECOND_STEP_SESSION_KEY + "_token")
    return bool(lent and lent[0] == uid and isinstance(password, str)
                and consteq(lent[1], password))


def _remote_address():
    """The address of the client of the current request (web or XML-RPC,
    as auth_brute_force records it), or False outside a request."""
    if request:
        return request.httprequest.remote_addr
    environ = getattr(current_thread(), "environ", None) or {}
    return environ.get("REMOTE_ADDR", False)
