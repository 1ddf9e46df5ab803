from odoo import _, api, models
from odoo.exceptions import AccessError


class MailFollowers(models.Model):
    """Odoo 11 gives every employee read access to every follower and lets
    them create one: who follows a protected document is visible only to who
    may read the document, and following it takes reading it (oneself) or
    changing it (someone else), as ``message_subscribe`` requires.

    A document that restricts its followers (``mail.thread``'s
    ``_cdb_allowed_followers``) is followed by those it allows only, whoever
    asks (the superuser too): a follower of anyone else is refused."""

    _name = "mail.followers"
    _inherit = ["mail.followers", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        return self._cdb_document_clause(query)

    @api.model
    def create(self, vals):
        self._cdb_check_subscription(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if {"res_model", "res_id", "partner_id", "channel_id"} & set(vals):
            for follower in self:
                self._cdb_check_subscription(dict({
                    "res_model": follower.res_model, "res_id": follower.res_id,
                    "partner_id": follower.partner_id.id,
                    "channel_id": follower.channel_id.id}, **vals))
        return super().write(vals)

    @api.model
    def _cdb_check_subscription(self, vals):
        himself = (vals.get("partner_id") == self.env.user.partner_id.id
                   and not vals.get("channel_id"))
        self.env["cdb.document.access"]._check_document(
            vals.get("res_model"), vals.get("res_id"), "read" if himself else "write")
        self._cdb_check_allowed(vals)

    @api.model
    def _cdb_check_allowed(self, vals):
        model_name, res_id = vals.get("res_model"), vals.get("res_id")
        if model_name not in self.env or not res_id:
            return
        Model = self.env[model_name]
        if not hasattr(Model, "_cdb_allowed_followers"):
            return
        allowed = Model.browse(res_id)._cdb_allowed_followers()
        if res_id not in allowed:
            return
        if vals.get("channel_id") or vals.get("partner_id") not in allowed[res_id].ids:
            raise AccessError(_(
                "Only the members of a carnet de bord and its beneficiary may "
                "follow it or its records."))
