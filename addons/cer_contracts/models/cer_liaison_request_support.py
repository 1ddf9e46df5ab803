from odoo import _, fields, models
from odoo.exceptions import UserError

from .cer_liaison_workflow import LiaisonKind, part

# Guide, Annexe 7, first situation: "Demande diverse en lien avec le contrat
# ou un problème rencontré avec le bénéficiaire". The correspondant answers;
# the request ends there. No signature: "Elle peut être dématérialisée sous
# forme de mail, n'ayant pas de signature."
KIND = LiaisonKind(referent_signs=False, beneficiary_signs=False, president_decides=False,
                   steps={"answer": "closed"})


class CerLiaisonRequestSupport(models.AbstractModel):
    """Fiche de liaison, "Demande d'appui": any question about the contract
    or a difficulty met with the beneficiary, answered by the
    correspondant ("Remplir la partie champ libre de la première page
    uniquement pour expliquer l'objet de votre demande"). The free text of
    page 1 also details the other requests ticked with it."""

    _name = "cer.liaison.request.support"
    _description = "Fiche de liaison: request for support"

    support_request = fields.Text(
        "Request",
        help="Any question about the contract or a difficulty met with the "
             "beneficiary; it may be written like an e-mail.",
        **part("request"))

    def _check_support_send(self):
        if not (self.support_request or "").strip():
            raise UserError(_("Write your request to the correspondant."))
