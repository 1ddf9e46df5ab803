from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CerLiaisonDecisionWizard(models.TransientModel):
    """The President's decision on a fiche de liaison, by delegation, in a
    dialog (issue 14, "No workflow by trial and error"): granted or refused,
    the motive (required for a refusal) and, for a request of actions of the
    Département, the designated structure. Every missing item is listed in
    one message; the fiche is then decided by its own action
    (``action_grant`` or ``action_refuse``, which check the policy)."""

    _name = "cer.liaison.decision.wizard"
    _description = "Decide on a fiche de liaison"

    liaison_id = fields.Many2one("cer.liaison", "Fiche de liaison", required=True,
                                 readonly=True, ondelete="cascade")
    request_actions = fields.Boolean(related="liaison_id.request_actions", readonly=True)
    decision = fields.Selection([("granted", "Granted"), ("refused", "Refused")])
    motive = fields.Text("Motive of the decision")
    structure_id = fields.Many2one(
        "res.partner", "Designated structure", domain=[("cdb_is_structure", "=", True)])
    structure_contact = fields.Char("Contact at the structure")

    @api.model
    def _open_for(self, liaison):
        wizard = self.create({
            "liaison_id": liaison.id, "motive": liaison.decision_motive,
            "structure_id": liaison.structure_id.id,
            "structure_contact": liaison.structure_contact})
        return {
            "type": "ir.actions.act_window",
            "name": _("Decide on the fiche de liaison"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(self.env.ref("cer_contracts.cer_liaison_decision_wizard_view_form").id,
                       "form")],
            "target": "new",
        }

    def _missing_items(self):
        missing = []
        if not self.decision:
            missing.append(_("Choose the decision (granted or refused)."))
        if self.decision == "refused" and not (self.motive or "").strip():
            missing.append(_("Give the motive of the refusal."))
        return missing

    def _liaison_values(self):
        values = {}
        if (self.motive or False) != (self.liaison_id.decision_motive or False):
            values["decision_motive"] = self.motive
        if self.request_actions and self.decision == "granted":
            if self.structure_id != self.liaison_id.structure_id:
                values["structure_id"] = self.structure_id.id
            if (self.structure_contact or False) != (self.liaison_id.structure_contact or False):
                values["structure_contact"] = self.structure_contact
        return values

    @api.multi
    def action_confirm(self):
        """Record the motive (and the structure) on the fiche and decide."""
        self.ensure_one()
        liaison = self.liaison_id
        liaison._check_may_decide()
        missing = self._missing_items()
        if missing:
            raise UserError(_("The fiche de liaison cannot be decided yet:\n%s") % "\n".join(
                "- " + item for item in missing))
        values = self._liaison_values()
        if values:
            liaison.write(values)
        liaison._decide(self.decision)
        return {"type": "ir.actions.act_window_close"}
