from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CerSignWizard(models.TransientModel):
    """Signing a contract asks what the signature needs (issue 14, "No
    workflow by trial and error"): the two signature dates and the
    beneficiary's answer to the reciprocity proposal (seed 001,
    "Réciprocité"; guide, "LES CONTRATS D'ENGAGEMENTS RECIPROQUES (CER)":
    the contract is signed by the beneficiary and the référent). Every
    missing item is listed in one message; the contract is then signed by
    its own action (``cer.contract.action_sign``, which checks the policy)."""

    _name = "cer.sign.wizard"
    _description = "Sign a contract"

    contract_id = fields.Many2one("cer.contract", "Contract", required=True, readonly=True,
                                  ondelete="cascade")
    beneficiary_signed_date = fields.Date("Signed by the beneficiary on")
    referent_signed_date = fields.Date("Signed by the référent on",
                                       default=fields.Date.context_today)
    reciprocity_activity = fields.Text("Citizen and solidarity activities proposed")
    reciprocity_answer = fields.Selection(
        [("accepted", "Accepted"), ("declined", "Declined")], "Reciprocity")

    @api.model
    def _open_for(self, contract):
        wizard = self.create({
            "contract_id": contract.id,
            "beneficiary_signed_date": contract.beneficiary_signed_date,
            "referent_signed_date": contract.referent_signed_date
            or fields.Date.context_today(self),
            "reciprocity_activity": contract.reciprocity_activity,
            "reciprocity_answer": contract.reciprocity_answer,
        })
        return {
            "type": "ir.actions.act_window",
            "name": _("Sign the contract"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(self.env.ref("cer_contracts.cer_sign_wizard_view_form").id, "form")],
            "target": "new",
        }

    def _missing_items(self):
        missing = []
        if not (self.beneficiary_signed_date and self.referent_signed_date):
            missing.append(_("Give both signature dates (the beneficiary's and the "
                             "référent's)."))
        if not self.reciprocity_answer:
            missing.append(_("Record the answer of the beneficiary to the reciprocity "
                             "proposal."))
        return missing + self.contract_id._sign_missing_items(
            signature_dates=False, reciprocity=False)

    @api.multi
    def action_confirm(self):
        """Record the dates and the answer on the contract and sign it."""
        self.ensure_one()
        contract = self.contract_id
        contract.notebook_id._cdb_check("sign")
        missing = self._missing_items()
        if missing:
            raise UserError(_("The contract cannot be signed yet:\n%s") % "\n".join(
                "- " + item for item in missing))
        contract.write({
            "beneficiary_signed_date": self.beneficiary_signed_date,
            "referent_signed_date": self.referent_signed_date,
            "reciprocity_activity": self.reciprocity_activity,
            "reciprocity_answer": self.reciprocity_answer,
        })
        contract.action_sign()
        return {"type": "ir.actions.act_window_close"}
