from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CdbReferentChangeWizard(models.TransientModel):
    """"Changer de référent": a delegate of the Président du Conseil
    départemental (the correspondant of the carnet's territory, a manager,
    the functional administrator: policy ``change_referent``) designates
    another référent unique outside an orientation decision, with a reason
    written in the carnet's history. Seed 003: the correspondant "gère le
    suivi des orientations et des réorientations"."""

    _name = "cdb.referent.change.wizard"
    _description = "Change of the référent unique"

    notebook_id = fields.Many2one("cdb.notebook", "Carnet de bord", required=True,
                                  ondelete="cascade")
    referent_id = fields.Many2one(
        "res.users", "New référent", required=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(
            "carnet_de_bord.group_cdb_professional").ids)])
    structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure", domain=[("cdb_is_structure", "=", True)],
        help="The structure of the carnet; by default the new référent's.")
    reason = fields.Text(required=True)

    @api.model
    def _open_for(self, notebook):
        return {
            "type": "ir.actions.act_window",
            "name": _("Change the référent"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_notebook_id": notebook.id},
        }

    @api.onchange("referent_id")
    def _onchange_referent_id(self):
        if self.referent_id.cdb_structure_id:
            self.structure_id = self.referent_id.cdb_structure_id

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(_("Give the reason for the change of référent."))
        notebook = self.notebook_id
        notebook._cdb_check("change_referent")
        notebook._set_referent(self.referent_id,
                               self.structure_id or self.referent_id.cdb_structure_id)
        notebook.message_post(body=_("Référent changed to %s by %s: %s") % (
            self.referent_id.name, self.env.user.name, reason))
        return {"type": "ir.actions.act_window_close"}
