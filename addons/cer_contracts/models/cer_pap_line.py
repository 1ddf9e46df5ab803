from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CerPapLine(models.Model):
    """A line of the personalised action plan (PAP), "cœur du contrat".

    Guide, Annexe 5: "Le tableau permet d'inscrire l'ensemble des actions
    proposées …, ainsi que les engagements pris par chacune des parties";
    "La description de l'action consiste à reprendre le libellé exact de
    l'action … (Annexe 6)"; "le référent veillera à indiquer clairement une
    date de début et de fin (échéance)"; "Les résultats et la colonne
    bilan-commentaires permettront d'expliciter les résultats des actions".

    A PAP line *is* an action of the carnet's plan (delegation to
    cdb.action): code, dates, status and result are stored once, so the
    carnet and the contract never disagree.
    """

    _name = "cer.pap.line"
    _description = "PAP line"
    _inherits = {"cdb.action": "action_id"}
    _order = "contract_id, date_start, id"

    action_id = fields.Many2one(
        "cdb.action", "Action of the carnet", required=True, ondelete="cascade", index=True)
    contract_id = fields.Many2one("cer.contract", required=True, ondelete="cascade", index=True)
    beneficiary_engagement = fields.Text("Engagement of the beneficiary")
    referent_engagement = fields.Text("Engagement of the référent")
    bilan_comment = fields.Text("Bilan – comments")
    amendment_id = fields.Many2one("cer.amendment", "Added by the amendment", readonly=True)

    @api.model
    def create(self, vals):
        vals = self.env["cdb.action"]._resolve_code(dict(vals))
        contract = self.env["cer.contract"].browse(vals.get("contract_id"))
        if not vals.get("action_id"):
            vals.setdefault("notebook_id", contract.notebook_id.id)
            vals.setdefault("user_id", contract.referent_id.id)
        line = super().create(vals)
        line._check_plan_open_to_changes()
        return line

    @api.onchange("action_code_id")
    def _onchange_action_code_id(self):
        self.theme_id = self.action_code_id.theme_id

    @api.multi
    def write(self, vals):
        return super().write(self.env["cdb.action"]._resolve_code(dict(vals)))

    def _check_plan_open_to_changes(self):
        """Once the contract is signed, the plan changes only by amendment
        (guide, "LA FICHE DE LIAISON", quatrième situation)."""
        for line in self:
            if line.contract_id.state not in ("draft", "rejected") and \
                    line.amendment_id.state != "applied":
                raise ValidationError(_(
                    "The contract is signed: add this action through an amendment "
                    "(avenant) signed by the beneficiary."))

    @api.multi
    def unlink(self):
        """An action of a signed contract is cancelled by amendment: it stays
        in the plan, abandoned."""
        if any(line.contract_id.state not in ("draft", "rejected") for line in self):
            raise UserError(_(
                "The contract is signed: cancel this action through an amendment "
                "(avenant) instead of deleting it."))
        return super().unlink()

    @api.constrains("notebook_id", "contract_id")
    def _check_same_notebook(self):
        for line in self:
            if line.notebook_id != line.contract_id.notebook_id:
                raise ValidationError(_("A PAP line belongs to the carnet of its contract."))

    def _carry_to(self, contract):
        """Renewal: the same actions of the carnet, with their bilan, in the
        new contract."""
        for line in self:
            self.create({
                "contract_id": contract.id,
                "action_id": line.action_id.id,
                "beneficiary_engagement": line.beneficiary_engagement,
                "referent_engagement": line.referent_engagement,
                "bilan_comment": line.bilan_comment,
            })
