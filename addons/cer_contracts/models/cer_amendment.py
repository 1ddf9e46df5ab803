from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cdb_base.tools import format_date

from odoo.addons.carnet_de_bord.models.cdb_action import OPEN_STATES


class CerAmendment(models.Model):
    """Avenant to a contract in force (guide, "LA FICHE DE LIAISON",
    quatrième situation: "Au cours de la durée du Contrat d'Engagements
    Réciproques, des modifications interviennent dans le parcours
    (redéfinition du PAP, annulation d'action, nouvelle action, ...). Le
    référent utilise la fiche de liaison comme avenant au CER et y joint le
    PAP"; the beneficiary's signature is mandatory). It changes the PAP
    lines and never the end date of the contract.

    The référent prepares it; the President's delegates apply it (policy:
    decide_contract), usually by granting the fiche de liaison that carries
    it. Once applied it is frozen."""

    _name = "cer.amendment"
    _cdb_notebook_field = "contract_id.notebook_id"
    _description = "Contract amendment (avenant)"
    _inherit = ["cdb.workflow.mixin", "cer.part.mixin", "cer.drawn.up.mixin",
                "mail.thread"]
    _order = "date desc, id desc"
    _cer_parent_fields = ("contract_id",)
    _workflow_fields = ("state",)
    _workflow_locked_fields = ("date", "reason", "beneficiary_signed_date",
                               "referent_signed_date", "cancelled_action_ids")

    contract_id = fields.Many2one("cer.contract", required=True, ondelete="cascade", index=True)
    notebook_id = fields.Many2one(related="contract_id.notebook_id", readonly=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    reason = fields.Text(required=True)
    new_line_ids = fields.One2many("cer.amendment.line", "amendment_id", "New actions")
    pap_line_ids = fields.One2many("cer.pap.line", "amendment_id", "Actions added to the plan")
    cancelled_action_ids = fields.Many2many(
        "cdb.action", string="Cancelled actions",
        domain="[('notebook_id', '=', notebook_id), ('state', 'in', %r)]" % (OPEN_STATES,))
    beneficiary_signed_date = fields.Date("Signed by the beneficiary on")
    referent_signed_date = fields.Date("Signed by the référent on")
    state = fields.Selection([
        ("draft", "Draft"),
        ("applied", "Applied"),
    ], default="draft", required=True, track_visibility="onchange", readonly=True)

    def _workflow_is_locked(self):
        return self.state == "applied"

    @api.constrains("cancelled_action_ids", "contract_id")
    def _check_cancelled_actions(self):
        """The actions an avenant cancels are chosen by the client: each one
        must be an action of the contract's carnet (they are abandoned as
        superuser when the avenant is applied)."""
        for amendment in self:
            # sudo: checking where the chosen actions belong, whoever may read them
            actions = amendment.sudo().cancelled_action_ids
            if actions.filtered(lambda a: a.notebook_id != amendment.sudo().notebook_id):
                raise ValidationError(_(
                    "An amendment cancels actions of the carnet of its contract only."))

    @api.multi
    def unlink(self):
        if self.filtered(lambda a: a.state == "applied"):
            raise UserError(_("An applied amendment changed the plan: it is kept."))
        if self.env["cer.liaison"].sudo().search_count([("amendment_id", "in", self.ids)]):
            raise UserError(_(
                "A fiche de liaison carries this amendment: cancel the fiche de liaison "
                "instead."))
        return super().unlink()

    # ------------------------------------------------------------ applying
    @api.multi
    def action_apply(self):
        """The President's delegate applies the signed avenant."""
        for amendment in self:
            amendment._check_can_apply()
        self._apply()
        return True

    def _check_can_apply(self):
        """Checked as the real user, before anything runs as superuser."""
        self.ensure_one()
        self.notebook_id._cdb_check("decide_contract")
        if self.state != "draft":
            raise UserError(_("This amendment is already applied."))
        if not self.contract_id._is_in_force():
            raise UserError(_("An amendment changes a contract in force."))
        if not self.beneficiary_signed_date:
            raise UserError(_("An amendment needs the signature of the beneficiary."))
        if not (self.new_line_ids or self.cancelled_action_ids):
            raise UserError(_("The amendment changes nothing in the action plan."))
        self._check_cancelled_actions()

    def _apply(self):
        """The plan of the contract and of the carnet change now. Call it
        after ``_check_can_apply`` (the policy said yes)."""
        for amendment in self:
            amendment._workflow_write({"state": "applied"})
            # the new actions first: the plan is never left with an action that
            # "ne peut être la seule action"
            amendment.new_line_ids._create_pap_lines()
            # sudo: the avenant is signed and decided (_check_can_apply): whoever
            # applies it (a correspondant) abandons the cancelled actions, of
            # which he is not in charge
            amendment.sudo()._workflow_transition().cancelled_action_ids.write(
                {"state": "abandoned"})
            amendment.contract_id.message_post(body=_(
                "Amendment of %s applied: %d new action(s), %d cancelled.") % (
                format_date(amendment.date), len(amendment.new_line_ids),
                len(amendment.cancelled_action_ids)))
            amendment.contract_id._check_pap_not_alone()
