from odoo import _, api, models
from odoo.exceptions import UserError


class CdbRevisionMixin(models.AbstractModel):
    """Append-only versions: a saved version is never overwritten, so the
    history shows who changed what and when (seed 000, "Situation
    (révisable/historique)"). Revising means creating a new version,
    prefilled with the current one (``_revision_fields``)."""

    _name = "cdb.revision.mixin"
    _description = "Append-only versions"
    _order = "create_date desc, id desc"
    _revision_fields = ()

    @api.multi
    def write(self, vals):
        if self:
            raise UserError(_(
                "A recorded version cannot be modified: revise it to create a new "
                "version, the previous one stays in the history."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        """Only the functional administrator deletes a version (the carnet's
        policy, ``delete_history``); the retention period deletes them in SQL."""
        if not self.mapped("notebook_id")._cdb_may("delete_history"):
            raise UserError(_("The history of versions cannot be deleted."))
        return super().unlink()

    def _revision_defaults(self):
        """Context defaults that prefill a new version with this one."""
        if not self:
            return {}
        self.ensure_one()
        defaults = {}
        for name in self._revision_fields:
            value = self[name]
            field = self._fields[name]
            if field.type == "many2one":
                value = value.id
            elif field.type in ("many2many", "one2many"):
                value = [(6, 0, value.ids)]
            defaults["default_" + name] = value
        return defaults

    def _revision_action(self, notebook, title):
        """Window action opening a new version prefilled with ``self``."""
        context = {"default_notebook_id": notebook.id}
        context.update(self._revision_defaults())
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }
