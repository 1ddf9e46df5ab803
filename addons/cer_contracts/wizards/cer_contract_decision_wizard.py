from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CerContractDecisionWizard(models.TransientModel):
    """The President's decision on a submitted contract, by delegation, in
    a dialog (issue 14, "No workflow by trial and error"): validated or
    rejected, with the motive (required for a rejection). Every missing item
    is listed in one message; the contract is then decided by its own action
    (``action_validate`` or ``action_reject``, which check the policy)."""

    _name = "cer.contract.decision.wizard"
    _description = "Decide on a contract"

    contract_id = fields.Many2one("cer.contract", "Contract", required=True, readonly=True,
                                  ondelete="cascade")
    decision = fields.Selection([("validated", "Validated"), ("rejected", "Rejected")])
    motive = fields.Text("Motive of the decision")

    @api.model
    def _open_for(self, contract):
        wizard = self.create({"contract_id": contract.id, "motive": contract.decision_motive})
        return {
            "type": "ir.actions.act_window",
            "name": _("Decide on the contract"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(self.env.ref("cer_contracts.cer_contract_decision_wizard_view_form").id,
                       "form")],
            "target": "new",
        }

    def _missing_items(self):
        missing = []
        if not self.decision:
            missing.append(_("Choose the decision (validated or rejected)."))
        if self.decision == "rejected" and not (self.motive or "").strip():
            missing.append(_("Give the motive of the rejection."))
        return missing

    @api.multi
    def action_confirm(self):
        """Record the motive on the contract and decide."""
        self.ensure_one()
        contract = self.contract_id
        contract.notebook_id._cdb_check("decide_contract")
        missing = self._missing_items()
        if missing:
            raise UserError(_("The contract cannot be decided yet:\n%s") % "\n".join(
                "- " + item for item in missing))
        if (self.motive or False) != (contract.decision_motive or False):
            contract.write({"decision_motive": self.motive})
        if self.decision == "validated":
            contract.action_validate()
        else:
            contract.action_reject()
        return {"type": "ir.actions.act_window_close"}
