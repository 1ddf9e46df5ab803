from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Fields copied from the current version when the situation is revised.
REVISION_FIELDS = (
    "family", "housing", "health", "resources", "mobility", "employment",
    "diploma_level_id", "rome_code_ids", "summary",
)


class CdbSituation(models.Model):
    """The beneficiary's situation (diagnostic), "révisable/historique"
    (seed 000, "Carnet de bord"): each revision is a new version; a saved
    version is never overwritten, so the history shows who changed what and
    when."""

    _name = "cdb.situation"
    _description = "Situation (diagnostic)"
    _order = "create_date desc, id desc"
    _rec_name = "create_date"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    family = fields.Text("Family situation")
    housing = fields.Text("Housing")
    health = fields.Text("Health")
    resources = fields.Text("Resources and budget")
    mobility = fields.Text("Mobility")
    employment = fields.Text("Employment and training")
    diploma_level_id = fields.Many2one("cdb.diploma.level", "Education level")
    rome_code_ids = fields.Many2many("cdb.rome.code", string="Jobs sought (ROME)")
    summary = fields.Text("Diagnostic summary")
    reason = fields.Char("Reason for the revision")

    @api.multi
    def write(self, vals):
        raise UserError(_(
            "A recorded situation cannot be modified: revise the situation to "
            "create a new version, the previous one stays in the history."))

    @api.multi
    def unlink(self):
        if not self.env.user.has_group("carnet_de_bord.group_cdb_admin"):
            raise UserError(_("The situation history cannot be deleted."))
        return super().unlink()

    def _revision_defaults(self):
        """Context defaults that prefill a new version with this one."""
        if not self:
            return {}
        self.ensure_one()
        defaults = {}
        for name in REVISION_FIELDS:
            value = self[name]
            field = self._fields[name]
            if field.type == "many2one":
                value = value.id
            elif field.type == "many2many":
                value = [(6, 0, value.ids)]
            defaults["default_" + name] = value
        return defaults

    @api.multi
    def action_save_revision(self):
        """Button of the revision dialog: the record is already saved."""
        self.mapped("notebook_id").message_post(body=_("Situation revised."))
        return {"type": "ir.actions.act_window_close"}
