from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date


class CerAmendment(models.Model):
    """Avenant to a contract in force (guide, "LA FICHE DE LIAISON",
    quatrième situation: "Au cours de la durée du Contrat d'Engagements
    Réciproques, des modifications interviennent dans le parcours
    (redéfinition du PAP, annulation d'action, nouvelle action, ...). Le
    référent utilise la fiche de liaison comme avenant au CER et y joint le
    PAP"; the beneficiary's signature is mandatory). It changes the PAP
    lines and never the end date of the contract."""

    _name = "cer.amendment"
    _description = "Contract amendment (avenant)"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    contract_id = fields.Many2one("cer.contract", required=True, ondelete="cascade", index=True)
    notebook_id = fields.Many2one(related="contract_id.notebook_id", readonly=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    reason = fields.Text(required=True)
    new_line_ids = fields.One2many("cer.amendment.line", "amendment_id", "New actions")
    pap_line_ids = fields.One2many("cer.pap.line", "amendment_id", "Actions added to the plan")
    cancelled_action_ids = fields.Many2many(
        "cdb.action", string="Cancelled actions",
        domain="[('notebook_id', '=', notebook_id), ('state', 'in', ('planned', 'in_progress'))]")
    beneficiary_signed_date = fields.Date("Signed by the beneficiary on")
    referent_signed_date = fields.Date("Signed by the référent on")
    state = fields.Selection([
        ("draft", "Draft"),
        ("applied", "Applied"),
    ], default="draft", required=True, track_visibility="onchange")

    @api.multi
    def action_apply(self):
        for amendment in self:
            amendment._check_can_apply()
            # The amendment is signed and decided: whoever applies it (the
            # référent or the correspondant) abandons the cancelled actions.
            amendment.cancelled_action_ids.sudo().write({"state": "abandoned"})
            amendment.state = "applied"
            amendment.new_line_ids._create_pap_lines()
            amendment.contract_id.message_post(body=_(
                "Amendment of %s applied: %d new action(s), %d cancelled.") % (
                format_date(amendment.date), len(amendment.new_line_ids),
                len(amendment.cancelled_action_ids)))
        return True

    def _check_can_apply(self):
        if not self.env.user.has_group("carnet_de_bord.group_cdb_correspondant"):
            raise UserError(_(
                "An amendment is decided by the President of the département, by "
                "delegation to the correspondants: send it with a fiche de liaison."))
        if self.state != "draft":
            raise UserError(_("This amendment is already applied."))
        if self.contract_id.state not in ("validated", "running"):
            raise UserError(_("An amendment changes a contract in force."))
        if not self.beneficiary_signed_date:
            raise UserError(_("An amendment needs the signature of the beneficiary."))
        if not (self.new_line_ids or self.cancelled_action_ids):
            raise UserError(_("The amendment changes nothing in the action plan."))
