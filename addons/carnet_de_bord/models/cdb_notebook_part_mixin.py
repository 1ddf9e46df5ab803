from odoo import _, api, models
from odoo.exceptions import AccessError


class CdbNotebookPartMixin(models.AbstractModel):
    """A record of a carnet (a membership, a sharing choice, a version of the
    situation or of the health details, an objective, an action, an
    appointment) stays in its carnet: moving it to another carnet would take
    it out of the rules, the history and the checks of the first one (an
    action whose plan then holds only "ne peut être la seule action"
    actions, a membership that becomes an invitation elsewhere). Create a
    new record in the other carnet instead.

    ``_cdb_notebook_field`` names the many2one to ``cdb.notebook``; a record
    without carnet yet (an appointment) may be given one once."""

    _name = "cdb.notebook.part.mixin"
    _description = "Record of a carnet de bord"

    _cdb_notebook_field = "notebook_id"

    @api.multi
    def write(self, vals):
        name = self._cdb_notebook_field
        if name in vals:
            target = vals[name]
            target = target.id if isinstance(target, models.BaseModel) else (target or False)
            # sudo: the carnet a record belongs to, whoever may read it
            for record in self.sudo():
                current = record[name].id
                if current and current != target:
                    raise AccessError(_(
                        "A record of a carnet de bord cannot be moved to another "
                        "carnet: create it in the other carnet instead."))
        return super().write(vals)

    @api.multi
    def action_cdb_open_notebook(self):
        """Open this record's carnet (the rows of the home page)."""
        self.ensure_one()
        return self[self._cdb_notebook_field]._cdb_form_action()
