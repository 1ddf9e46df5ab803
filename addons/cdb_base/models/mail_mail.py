from odoo import models


class MailMail(models.Model):
    """Every employee reads every outgoing e-mail in Odoo 11, body
    included: an e-mail is visible with its message (mail.message)."""

    _name = "mail.mail"
    _inherit = ["mail.mail", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        return self._cdb_parent_clause("mail_message_id", "mail.message")
