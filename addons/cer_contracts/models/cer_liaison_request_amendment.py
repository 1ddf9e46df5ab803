from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .cer_liaison_workflow import LiaisonKind, part

# Guide, Annexe 7, fourth situation: "Avenant au Contrat d'Engagement
# Réciproque en cours de validité". The beneficiary signs, the President
# decides; a granted avenant is applied to the contract.
KIND = LiaisonKind(referent_signs=True, beneficiary_signs=True, president_decides=True, steps={
    "favourable": "opinion", "unfavourable": "opinion",
    "granted": "closed", "refused": "closed"})


class CerLiaisonRequestAmendment(models.AbstractModel):
    """Fiche de liaison used as avenant: "Le référent utilise la fiche de
    liaison comme avenant au CER et y joint le PAP modifié. La signature du
    bénéficiaire est obligatoire." — "L'avenant ne modifiera pas la durée
    initialement prévue dans le contrat." """

    _name = "cer.liaison.request.amendment"
    _description = "Fiche de liaison: amendment to the contract"

    amendment_id = fields.Many2one(
        "cer.amendment", "Amendment", ondelete="restrict",
        domain="[('contract_id', '=', contract_id), ('state', '=', 'draft')]",
        help="The amendment (avenant) with the changed PAP; it does not change "
             "the duration of the contract.",
        **part("request"))

    @api.onchange("contract_id")
    def _onchange_contract_id(self):
        if self.amendment_id and self.amendment_id.contract_id != self.contract_id:
            self.amendment_id = False

    def _check_amendment_send(self):
        contract = self.contract_id
        if not contract or not contract._is_in_force():
            raise UserError(_(
                "An amendment changes the contract in force: choose the contract "
                "in force of the beneficiary."))
        if contract.notebook_id != self.notebook_id:
            raise UserError(_("The contract belongs to another carnet."))
        amendment = self.amendment_id
        if not amendment:
            raise UserError(_(
                "Join the changed PAP: prepare the amendment (new and cancelled "
                "actions) of the contract first."))
        if amendment.contract_id != contract:
            raise UserError(_("The amendment belongs to another contract."))
        if amendment.state != "draft":
            raise UserError(_("This amendment is already applied."))
        if not (amendment.new_line_ids or amendment.cancelled_action_ids):
            raise UserError(_("The amendment changes nothing in the action plan."))

    def _on_amendment_send(self):
        """The avenant carries the signatures of the fiche."""
        values = {}
        if not self.amendment_id.beneficiary_signed_date:
            values["beneficiary_signed_date"] = self.beneficiary_signed_date
        if not self.amendment_id.referent_signed_date:
            values["referent_signed_date"] = self.referent_signed_date
        if values:
            self.amendment_id.write(values)

    def _check_amendment_granted(self):
        """Granting applies the avenant: checked as the deciding user."""
        if not self.contract_id._is_in_force():
            raise UserError(_("The contract is no longer in force: the amendment "
                              "cannot be applied."))
        self.amendment_id._check_can_apply()

    def _on_amendment_granted(self):
        """Applying the decided avenant is the Département's act (the
        correspondant may not be in charge of the cancelled actions: the
        amendment abandons them as superuser, after _check_can_apply)."""
        self.amendment_id._apply()
