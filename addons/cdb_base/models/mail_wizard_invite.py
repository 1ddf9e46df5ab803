from odoo import _, api, models
from odoo.exceptions import AccessError


class MailWizardInvite(models.TransientModel):
    """"Add followers" on a document that restricts its followers
    (``mail.thread._cdb_allowed_followers``): asking for someone who may not
    follow it is refused with a message, rather than silently left out."""

    _inherit = "mail.wizard.invite"

    @api.multi
    def add_followers(self):
        for wizard in self:
            if wizard.res_model not in self.env or not wizard.res_id:
                continue
            document = self.env[wizard.res_model].browse(wizard.res_id)
            if not hasattr(document, "_cdb_allowed_followers"):
                continue
            allowed = document._cdb_allowed_followers().get(wizard.res_id)
            if allowed is None:
                continue
            refused = (wizard.partner_ids - allowed).mapped("name")
            if refused or wizard.channel_ids:
                raise AccessError(_(
                    "Only the members of a carnet de bord and its beneficiary may "
                    "follow it or its records: %s.") % ", ".join(
                        refused + wizard.channel_ids.mapped("name")))
        return super().add_followers()
