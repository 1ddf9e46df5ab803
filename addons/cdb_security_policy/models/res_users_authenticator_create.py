import base64

from odoo import api, models

try:
    import pyotp
except ImportError:  # pragma: no cover - listed in external_dependencies
    pyotp = None


def totp_qr_code_data_uri(env, secret, user):
    """A PNG data URI of the QR code an authenticator app scans to add
    ``user``'s account with ``secret``.

    OCA auth_totp points an <img> at /report/barcode/?value=otpauth://…: the
    secret then travels in a URL and lands in the server's access log. The
    image is built here and sent inline instead."""
    uri = pyotp.TOTP(secret).provisioning_uri(
        user.login, issuer_name=user.company_id.name or "Carnet de bord")
    png = env["ir.actions.report"].barcode("QR", uri, width=240, height=240)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


class ResUsersAuthenticatorCreate(models.TransientModel):
    """The enrolment wizard of the user preferences (OCA auth_totp), with
    its QR code built inline (see ``totp_qr_code_data_uri``)."""

    _inherit = "res.users.authenticator.create"

    @api.multi
    @api.depends("secret_key", "user_id.display_name", "user_id.company_id.display_name")
    def _compute_qr_code_tag(self):
        for wizard in self:
            if not wizard.user_id:
                continue
            src = totp_qr_code_data_uri(self.env, wizard.secret_key, wizard.user_id)
            # base64 holds no quote nor angle bracket
            wizard.qr_code_tag = '<img src="%s" width="240" height="240"/>' % src
