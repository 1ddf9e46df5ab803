from odoo import models


class MailNotification(models.Model):
    """A notification is visible to its recipient, and otherwise with its
    message (every employee reads every notification in Odoo 11)."""

    _name = "mail.notification"
    _inherit = ["mail.notification", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        clause, params = self._cdb_parent_clause("mail_message_id", "mail.message")
        return self._cdb_any_of(clause, params, [
            (self._cdb_column("res_partner_id") + " = %s", [self.env.user.partner_id.id])])
