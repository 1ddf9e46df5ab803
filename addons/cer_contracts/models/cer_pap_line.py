from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.carnet_de_bord.models.cdb_action import ACCOMPAGNATEUR_FIELDS

from .cdb_action_code import DEROGATION

# What the accompagnateur in charge of a line's action fills in (seed 000:
# "L'accompagnateur remplit la partie qui le concerne"): its status, result
# and evaluation (the action's, carnet_de_bord) and the bilan of the line.
ACCOMPAGNATEUR_PAP_FIELDS = ACCOMPAGNATEUR_FIELDS | frozenset(["bilan_comment"])
# Annexe 6, J.1: the two cases of "bénéficiaires en fin d'accompagnement".
END_OF_ACCOMPANIMENT_CASES = [
    ("income", "Activity income above the threshold (orientation en continu)"),
    ("retirement", "Administrative steps to claim retirement rights"),
]


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
    carnet and the contract never disagree. Once the contract is signed,
    the plan changes only by amendment: no line added, deleted, cancelled
    ("abandoned") or brought back other than by an applied avenant. A line
    stays in its contract and its action. Annexe 6: some actions "ne peut
    être la seule action" of the plan, on every path (creation, deletion or
    cancellation of the other lines).
    """

    _name = "cer.pap.line"
    _cdb_notebook_field = "contract_id.notebook_id"
    _description = "PAP line"
    _inherit = ["cdb.workflow.mixin", "cer.part.mixin", "cer.drawn.up.mixin"]
    _inherits = {"cdb.action": "action_id"}
    _order = "contract_id, date_start, id"
    _cer_parent_fields = ("contract_id", "action_id")
    _workflow_fields = ("amendment_id", "derogation_date", "derogation_user_id")

    action_id = fields.Many2one(
        "cdb.action", "Action of the carnet", required=True, ondelete="cascade", index=True)
    contract_id = fields.Many2one("cer.contract", required=True, ondelete="cascade", index=True)
    beneficiary_engagement = fields.Text("Engagement of the beneficiary")
    referent_engagement = fields.Text("Engagement of the référent")
    bilan_comment = fields.Text("Bilan – comments")
    amendment_id = fields.Many2one("cer.amendment", "Added by the amendment", readonly=True)
    # Annexe 6, the conditions of some actions (cdb_action_code.py)
    end_of_accompaniment_case = fields.Selection(
        END_OF_ACCOMPANIMENT_CASES, "End of accompaniment",
        help="J.1 \"est à utiliser pour des bénéficiaires en fin d'accompagnement dans le "
             "dispositif\": which of its two cases.")
    needs_derogation = fields.Boolean(
        compute="_compute_needs_derogation",
        help="G.4.5 Reprise d'étude: \"il est possible d'interpeller le Président du Conseil "
             "Général pour demander une dérogation\".")
    derogation_date = fields.Date("Derogation granted on", readonly=True, copy=False)
    derogation_user_id = fields.Many2one(
        "res.users", "Derogation granted by delegation of the President", readonly=True,
        copy=False)

    @api.model
    def create(self, vals):
        vals = self.env["cdb.action"]._resolve_code(dict(vals))
        contract = self.env["cer.contract"].browse(vals.get("contract_id"))
        if not vals.get("action_id"):
            if not vals.get("action_code_id"):
                raise ValidationError(_("Choose the codified action of the line."))
            vals.setdefault("notebook_id", contract.notebook_id.id)
            vals.setdefault("user_id", contract.referent_id.id)
        line = super().create(vals)
        line._check_plan_open_to_changes()
        if not (self._in_workflow_transition() or line.contract_id._is_plan_in_progress()):
            # a renewal, an amendment or the contract's form checks the whole
            # plan once its lines are in
            line.contract_id._check_pap_not_alone()
        return line

    @api.onchange("action_code_id")
    def _onchange_action_code_id(self):
        self.theme_id = self.action_code_id.theme_id

    @api.depends("action_code_id")
    def _compute_needs_derogation(self):
        for line in self:
            line.needs_derogation = bool(line.action_code_id) and \
                line.action_code_id._effective_condition() == DEROGATION

    # ------------------------------------------------------------ Annexe 6
    @api.constrains("contract_id", "action_id", "action_code_id", "end_of_accompaniment_case")
    def _check_annex6(self):
        """The rules of Annexe 6 for an action of the plan
        (``cer.contract._check_annex6_action``)."""
        for line in self:
            # sudo: the rule holds whatever the user may read of the contract
            line.sudo().contract_id._check_annex6_action(
                line.sudo().action_code_id, line.end_of_accompaniment_case)

    def _check_derogations(self):
        """G.4.5 Reprise d'étude: "la loi sur le Rsa ne permet pas au
        bénéficiaire de reprendre des études. Cependant, il est possible
        d'interpeller le Président du Conseil Général pour demander une
        dérogation": the President's delegate grants it before the contract
        is validated."""
        for line in self.filtered(lambda l: l.state != "abandoned" and l.needs_derogation):
            if not line.derogation_date:
                raise UserError(_(
                    "The action \"%s\" needs the derogation of the President: grant it "
                    "on the line of the plan first.") % line.name)

    @api.multi
    def action_grant_derogation(self):
        """The President's delegate grants the derogation of a "Reprise
        d'étude" (policy: decide_contract)."""
        for line in self:
            line.contract_id.notebook_id._cdb_check("decide_contract")
            if not line.needs_derogation:
                raise UserError(_("This action needs no derogation."))
        self._workflow_write({"derogation_date": fields.Date.context_today(self),
                              "derogation_user_id": self.env.user.id})
        return True

    @api.multi
    def write(self, vals):
        # the status of the line is its action's: cdb.action checks its changes
        return super().write(self.env["cdb.action"]._resolve_code(dict(vals)))

    @api.multi
    def unlink(self):
        """An action of a signed contract is cancelled by amendment: it stays
        in the plan, abandoned."""
        if any(not line.contract_id._is_editable() for line in self):
            raise UserError(_(
                "The contract is signed: cancel this action through an amendment "
                "(avenant) instead of deleting it."))
        contracts = self.mapped("contract_id")
        result = super().unlink()
        if not contracts._is_plan_in_progress():
            contracts._check_pap_not_alone()
        return result

    def _check_may_write_drawn_up(self, vals):
        """The référent (or a delegate) writes the plan; the accompagnateur
        in charge of a line's action fills its status, result, evaluation
        and bilan (``ACCOMPAGNATEUR_PAP_FIELDS``), nothing else."""
        may_sign = {notebook: notebook.with_env(self.env)._cdb_may("sign")
                    for notebook in self._cer_notebooks()}
        for line in self:
            # sudo: the carnet and the person in charge decide who may write
            if may_sign[line.sudo().notebook_id]:
                continue
            if set(vals) - ACCOMPAGNATEUR_PAP_FIELDS:
                raise AccessError(_(
                    "Only the référent draws up the contract; as accompagnateur you fill "
                    "the status, result and bilan of the actions you are in charge of "
                    "(\"%s\").") % line.sudo().name)
            if line.sudo().user_id != self.env.user:
                raise AccessError(_("You are not in charge of the action \"%s\".")
                                  % line.sudo().name)

    def _check_plan_open_to_changes(self):
        """Once the contract is signed, the plan changes only by amendment
        (guide, "LA FICHE DE LIAISON", quatrième situation)."""
        for line in self:
            if not line.contract_id._is_editable() and line.amendment_id.state != "applied":
                raise ValidationError(_(
                    "The contract is signed: add this action through an amendment "
                    "(avenant) signed by the beneficiary."))

    @api.constrains("notebook_id", "contract_id")
    def _check_same_notebook(self):
        for line in self:
            if line.notebook_id != line.contract_id.notebook_id:
                raise ValidationError(_("A PAP line belongs to the carnet of its contract."))

    def _carry_to(self, contract):
        """Renewal: the same actions of the carnet, with their bilan (and
        what Annexe 6 asked of them), in the new contract."""
        for line in self:
            self._workflow_create({
                "contract_id": contract.id,
                "action_id": line.action_id.id,
                "beneficiary_engagement": line.beneficiary_engagement,
                "referent_engagement": line.referent_engagement,
                "bilan_comment": line.bilan_comment,
                "end_of_accompaniment_case": line.end_of_accompaniment_case,
                "derogation_date": line.derogation_date,
                "derogation_user_id": line.derogation_user_id.id,
            })
        contract._check_pap_not_alone()
