from odoo import api, models


class CerPartMixin(models.AbstractModel):
    """A part of a contract (a PAP line, a job offer, an amendment…) or a
    record of a carnet (a contract, a fiche de liaison) stays with what it was
    created for (cdb_base's ``cdb.part.mixin``): the links named in
    ``_cer_parent_fields`` never change."""

    _name = "cer.part.mixin"
    _inherit = ["cdb.part.mixin", "cdb.notebook.followed.mixin"]
    _description = "Stays with the record it belongs to"

    # Names of the many2one fields that never change after creation.
    _cer_parent_fields = ()

    def _cdb_part_links(self):
        return super()._cdb_part_links() + tuple(self._cer_parent_fields)

    @api.multi
    def action_cdb_open_notebook(self):
        """Open this record's carnet (the rows of the home page)."""
        self.ensure_one()
        return self.notebook_id._cdb_form_action()
