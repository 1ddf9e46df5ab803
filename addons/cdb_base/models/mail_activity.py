from odoo import models


class MailActivity(models.Model):
    """Odoo 11 lets every employee read every activity (its summary, note
    and the name of its document): an activity of a carnet is visible only
    to who may read the carnet. Creating and changing one already requires
    changing the document (``mail.activity._check_access``)."""

    _name = "mail.activity"
    _inherit = ["mail.activity", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        return self._cdb_document_clause(query)
