from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CerJobOffer(models.Model):
    """Fiche de suivi emploi, the "bilan complémentaire" of the professional
    contract (guide, CER professionnel, columns 1 to 6). The objective is
    "atteint lorsque le bénéficiaire obtient le poste convoité, partiellement
    atteint lorsque la procédure de recrutement est encore en cours à
    l'échéance du contrat, ou il a eu un entretien mais sans être retenu, pas
    atteint lorsque le BRSA ne postule pas ou n'obtient aucune réponse de la
    part du recruteur"."""

    _name = "cer.job.offer"
    _cdb_notebook_field = "contract_id.notebook_id"
    _description = "Job offer follow-up"
    _inherit = ["cer.part.mixin", "cer.drawn.up.mixin"]
    _cer_parent_fields = ("contract_id",)
    _order = "date, id"

    contract_id = fields.Many2one("cer.contract", required=True, ondelete="cascade", index=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    offer = fields.Char("Job offer proposed", required=True)
    reasonable = fields.Boolean(
        "Reasonable offer",
        help="The offer matches what the contract defines (article L262-35 CASF).")
    domain = fields.Char("Field of activity")
    means = fields.Text("Means used")
    result = fields.Selection([
        ("achieved", "Achieved: the beneficiary got the job"),
        ("partial", "Partially achieved: recruitment still in progress, or interview "
                    "without being hired"),
        ("not_achieved", "Not achieved: did not apply, or no answer from the recruiter"),
    ])
    result_motive = fields.Text("Motive")
    comment = fields.Text("Bilan – comments")

    @api.constrains("result", "result_motive")
    def _check_motive(self):
        for offer in self:
            if offer.result in ("partial", "not_achieved") and not offer.result_motive:
                raise ValidationError(_(
                    "Give the motive when the objective is partially achieved or "
                    "not achieved."))
