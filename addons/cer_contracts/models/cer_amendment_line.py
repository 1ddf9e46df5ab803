from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.cdb_base.tools import format_date

from .cdb_action_code import DEROGATION
from .cer_pap_line import END_OF_ACCOMPANIMENT_CASES


class CerAmendmentLine(models.Model):
    """A new action proposed by an amendment. It becomes a PAP line (and an
    action of the carnet) only when the amendment is applied: until the
    beneficiary signs and the President decides, the contract and the carnet
    keep the plan that was signed. An applied amendment's lines are
    frozen."""

    _name = "cer.amendment.line"
    _cdb_notebook_field = "amendment_id.contract_id.notebook_id"
    _description = "New action of an amendment"
    _inherit = ["cdb.workflow.mixin", "cer.part.mixin", "cer.drawn.up.mixin"]
    _cer_notebook_path = "amendment_id.contract_id.notebook_id"
    _order = "amendment_id, date_start, id"
    _cer_parent_fields = ("amendment_id",)
    _workflow_fields = ("pap_line_id",)
    _workflow_locked_fields = ("action_code_id", "date_start", "date_deadline",
                               "beneficiary_engagement", "referent_engagement",
                               "end_of_accompaniment_case")

    amendment_id = fields.Many2one("cer.amendment", required=True, ondelete="cascade", index=True)
    action_code_id = fields.Many2one(
        "cdb.action.code", "Codified action", required=True, ondelete="restrict",
        domain=[("is_theme", "=", False)])
    theme_id = fields.Many2one(related="action_code_id.theme_id", readonly=True)
    date_start = fields.Date("Start", required=True, default=fields.Date.context_today)
    date_deadline = fields.Date("Échéance", required=True)
    beneficiary_engagement = fields.Text("Engagement of the beneficiary")
    referent_engagement = fields.Text("Engagement of the référent")
    pap_line_id = fields.Many2one("cer.pap.line", "PAP line", readonly=True, copy=False)
    end_of_accompaniment_case = fields.Selection(
        END_OF_ACCOMPANIMENT_CASES, "End of accompaniment",
        help="J.1: which of its two cases (Annexe 6).")

    def _workflow_is_locked(self):
        return self.amendment_id.state == "applied"

    @api.model
    def create(self, vals):
        vals = self.env["cdb.action"]._resolve_code(dict(vals))
        if not vals.get("action_code_id"):
            raise ValidationError(_("Choose the codified action of the new action."))
        amendment = self.env["cer.amendment"].browse(vals.get("amendment_id"))
        if amendment.state == "applied" and not self._in_workflow_transition():
            raise AccessError(_("The amendment is applied: its new actions can no longer "
                                "change."))
        return super().create(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda line: line.amendment_id.state == "applied"):
            raise AccessError(_("The amendment is applied: its new actions can no longer "
                                "change."))
        return super().unlink()

    @api.constrains("action_code_id", "amendment_id", "end_of_accompaniment_case")
    def _check_annex6(self):
        """The rules of Annexe 6 for the new action
        (``cer.contract._check_annex6_action``)."""
        for line in self:
            # sudo: the rule holds whatever the user may read of the contract
            line.sudo().amendment_id.contract_id._check_annex6_action(
                line.action_code_id, line.end_of_accompaniment_case)

    @api.constrains("action_code_id", "date_start", "date_deadline")
    def _check_line(self):
        for line in self:
            if line.action_code_id.is_theme:
                raise ValidationError(_("Unknown action code: \"%s\".") % line.action_code_id.code)
            if line.date_deadline < line.date_start:
                raise ValidationError(_(
                    "The échéance of the action \"%s\" (%s) cannot be before its "
                    "start (%s).") % (line.action_code_id.display_name,
                                      format_date(line.date_deadline),
                                      format_date(line.date_start)))

    def _create_pap_lines(self):
        """The plan of the contract and of the carnet change now (the
        amendment is being applied, by a delegate of the President: his
        decision on the avenant grants the derogation of a "Reprise
        d'étude" it adds)."""
        for line in self:
            values = {
                "contract_id": line.amendment_id.contract_id.id,
                "amendment_id": line.amendment_id.id,
                "action_code_id": line.action_code_id.id,
                "date_start": line.date_start,
                "date_deadline": line.date_deadline,
                "beneficiary_engagement": line.beneficiary_engagement,
                "referent_engagement": line.referent_engagement,
                "end_of_accompaniment_case": line.end_of_accompaniment_case,
            }
            if line.action_code_id._effective_condition() == DEROGATION:
                values.update(derogation_date=fields.Date.context_today(self),
                              derogation_user_id=self.env.user.id)
            pap_line = self.env["cer.pap.line"]._workflow_create(values)
            line._workflow_write({"pap_line_id": pap_line.id})
