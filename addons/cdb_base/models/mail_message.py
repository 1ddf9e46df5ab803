from odoo import models


class MailMessage(models.Model):
    """mail.message checks the document in ``read`` and ``search`` only;
    ``read_group``, ``export_data`` and ``name_get`` go round it. And Odoo 11
    lets the author, the recipients, the notified partners and the members
    of its channels read a message whatever its document: a former member
    of a carnet would keep reading its messages by id. A message of a
    protected document is read by who may read the document, and by nobody
    else, through every way of reading; other messages keep Odoo's rules. A
    portal user, as Odoo's ``_search`` has it, reads no internal note."""

    _name = "mail.message"
    _inherit = ["mail.message", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        clause, params = self._cdb_document_clause(query, "model", "res_id")
        if clause and self.env.user.share:
            clause = ("(%s AND %s IN (SELECT id FROM mail_message_subtype"
                      " WHERE internal IS NOT TRUE))") % (clause, self._cdb_column("subtype_id"))
        return clause, params
