from odoo import api, models


class CdbNotebookPartMixin(models.AbstractModel):
    """A record of a carnet (a membership, a sharing choice, a version of the
    situation or of the health details, an objective, an action, a review,
    an appointment, an orientation…) stays in its carnet (cdb_base's
    ``cdb.part.mixin``): moving it would take it out of the rules, the
    history and the checks of the first one. ``_cdb_notebook_field`` names
    the many2one to ``cdb.notebook``; a record without carnet yet (an
    appointment) may be given one once."""

    _name = "cdb.notebook.part.mixin"
    _inherit = ["cdb.part.mixin", "cdb.notebook.followed.mixin"]
    _description = "Record of a carnet de bord"

    _cdb_notebook_field = "notebook_id"

    def _cdb_part_links(self):
        return super()._cdb_part_links() + (self._cdb_notebook_field,)

    @api.multi
    def action_cdb_open_notebook(self):
        """Open this record's carnet (the rows of the home page)."""
        self.ensure_one()
        return self.mapped(self._cdb_notebook_field)._cdb_form_action()
