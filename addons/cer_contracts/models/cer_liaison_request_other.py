from odoo import _, fields, models
from odoo.exceptions import UserError

from .cer_liaison_workflow import LiaisonKind, part

# Guide, Annexe 7, page 1, the last box of "SOLLICITATION DE L'AVIS DU
# CORRESPONDANT": "Autre(s) : ……". Answered by the correspondant like a
# request for support, without signature.
KIND = LiaisonKind(referent_signs=False, beneficiary_signs=False, president_decides=False,
                   steps={"answer": "closed"})


class CerLiaisonRequestOther(models.AbstractModel):
    """Fiche de liaison, "Autre(s)": a request the other boxes do not name,
    said in a few words (the free text of page 1 details it)."""

    _name = "cer.liaison.request.other"
    _description = "Fiche de liaison: other request"

    other_request = fields.Char(
        help="What you request, in a few words (\"Autre(s) : …\").",
        **part("request"))

    def _check_other_send(self):
        if not (self.other_request or "").strip():
            raise UserError(_("Say what the other request is."))
