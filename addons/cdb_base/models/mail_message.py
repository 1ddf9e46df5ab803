from odoo import models


class MailMessage(models.Model):
    """mail.message checks the document in ``read`` and ``search`` only;
    ``read_group``, ``export_data`` and ``name_get`` go round it. The same
    rule as ``check_access_rule`` is applied to every read: the author, the
    recipients, the notified partners, the members of its channels, or who
    may read the document; a portal user, as Odoo's ``_search`` has it, no
    internal note."""

    _name = "mail.message"
    _inherit = ["mail.message", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        clause, params = self._cdb_document_clause(query, "model", "res_id")
        pid = self.env.user.partner_id.id
        table = self._cdb_column("id")
        clause, params = self._cdb_any_of(clause, params, [
            (self._cdb_column("author_id") + " = %s", [pid]),
            (table + " IN (SELECT mail_message_id FROM mail_message_res_partner_rel"
                     " WHERE res_partner_id = %s)", [pid]),
            (table + " IN (SELECT mail_message_id FROM mail_message_res_partner_needaction_rel"
                     " WHERE res_partner_id = %s)", [pid]),
            (table + " IN (SELECT rel.mail_message_id FROM mail_message_mail_channel_rel rel"
                     " JOIN mail_channel_partner member"
                     " ON member.channel_id = rel.mail_channel_id"
                     " WHERE member.partner_id = %s)", [pid]),
        ])
        if clause and self.env.user.share:
            clause = ("(%s AND %s IN (SELECT id FROM mail_message_subtype"
                      " WHERE internal IS NOT TRUE))") % (clause, self._cdb_column("subtype_id"))
        return clause, params
