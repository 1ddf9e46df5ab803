from odoo import models


class CerPartMixin(models.AbstractModel):
    """A part of a contract (a PAP line, a job offer, an amendment…) or a
    record of a carnet (a contract, a fiche de liaison) stays with what it was
    created for (cdb_base's ``cdb.part.mixin``): the links named in
    ``_cer_parent_fields`` never change. Like every record of a carnet
    (carnet_de_bord's ``cdb.notebook.part.mixin``), the ones that carry their
    ``notebook_id`` open it in one click from the home page."""

    _name = "cer.part.mixin"
    _inherit = "cdb.notebook.part.mixin"
    _description = "Stays with the record it belongs to"

    # Names of the many2one fields that never change after creation.
    _cer_parent_fields = ()

    def _cdb_part_links(self):
        return super()._cdb_part_links() + tuple(self._cer_parent_fields)
