from odoo import _, api, fields, models


class CdbHealth(models.Model):
    """The beneficiary's health details, kept apart from the situation so
    that record rules, not hidden fields, decide who reads them.

    Seed 000, "Qui le remplit et quand ? Qui y a accès ?": "L'allocataire est
    responsable de son carnet de bord : il le valide et peut le modifier, il
    choisit quelles informations sont accessibles et à qui". Health details
    are readable only by the beneficiary and the members they are shared with
    (by default the référent alone): see security/cdb_sharing_rules.xml and
    readme/SHARING.rst. Versions are append-only like the situation.
    """

    _name = "cdb.health"
    _inherit = ["cdb.revision.mixin", "cdb.notebook.part.mixin"]
    _description = "Health (confidential)"
    _order = "create_date desc, id desc"
    _rec_name = "create_date"
    _revision_fields = ("description",)

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    description = fields.Text("Health", required=True)
    reason = fields.Char("Reason for the revision")

    @api.multi
    def action_save_revision(self):
        """Button of the revision dialog: the record is already saved."""
        self.mapped("notebook_id").message_post(body=_("Health details revised."))
        return {"type": "ir.actions.act_window_close"}
