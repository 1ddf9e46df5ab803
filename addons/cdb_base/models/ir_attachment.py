from odoo import models


class IrAttachment(models.Model):
    """ir.attachment checks the document in ``read`` and ``search`` only;
    ``read_group``, ``export_data``, ``name_get`` and ``/web/content`` go
    round it. The same rule as ``check`` is applied to every read: public
    attachments, attachments of no document to their author, or who may
    read the document."""

    _name = "ir.attachment"
    _inherit = ["ir.attachment", "cdb.document.access.mixin"]

    def _cdb_readable_clause(self, query):
        clause, params = self._cdb_document_clause(query)
        return self._cdb_any_of(clause, params, [
            (self._cdb_column("public"), []),
            ("(COALESCE(%s, 0) = 0 AND %s = %%s)" % (
                self._cdb_column("res_id"), self._cdb_column("create_uid")), [self.env.uid]),
        ])
