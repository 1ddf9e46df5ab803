from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.cdb_notebook import PERM_DECIDE
from ..models.rsa_ep_case import DECISIONS, GRANTED, ORIENTING_REQUESTS
from ..models.rsa_orientation import ORIENTATION_TYPES


class RsaEpCaseDecisionWizard(models.TransientModel):
    """The President's decision on a case, by delegation, in a dialog
    (issue 14, "No workflow by trial and error"): granted or refused, its
    comment and, for a granted (re)orientation, the new orientation and who
    follows it. Every missing item is listed in one message; the case is
    then decided by its own action (``action_decide``, which checks the
    policy)."""

    _name = "rsa.ep.case.decision.wizard"
    _description = "Decide on a case of the team"

    case_id = fields.Many2one("rsa.ep.case", "Case", required=True, readonly=True,
                              ondelete="cascade")
    case_type = fields.Selection(related="case_id.case_type", readonly=True)
    opinion = fields.Selection(related="case_id.opinion", readonly=True,
                               string="Opinion of the team")
    is_orienting = fields.Boolean("Orientation request", compute="_compute_is_orienting")
    decision = fields.Selection(DECISIONS)
    note = fields.Text("Decision comment")
    requested_orientation_type = fields.Selection(ORIENTATION_TYPES, "New orientation")
    new_organism_id = fields.Many2one(
        "res.partner", "New designated organism", domain=[("cdb_is_structure", "=", True)])
    new_referent_id = fields.Many2one("res.users", "New référent")
    new_correspondant_id = fields.Many2one("res.users", "Correspondant")

    @api.depends("case_type")
    def _compute_is_orienting(self):
        for wizard in self:
            wizard.is_orienting = wizard.case_type in ORIENTING_REQUESTS

    @api.model
    def _open_for(self, case):
        wizard = self.create({
            "case_id": case.id, "note": case.decision_note,
            "requested_orientation_type": case.requested_orientation_type,
            "new_organism_id": case.new_organism_id.id,
            "new_referent_id": case.new_referent_id.id,
            "new_correspondant_id": case.new_correspondant_id.id})
        return {
            "type": "ir.actions.act_window",
            "name": _("Decision of the President (by delegation)"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(self.env.ref("rsa_orientation.rsa_ep_case_decision_wizard_view_form").id,
                       "form")],
            "target": "new",
        }

    def _missing_items(self):
        missing = []
        if not self.decision:
            missing.append(_("Choose the decision (granted or refused)."))
        if self.decision == GRANTED and self.is_orienting and \
                not self.requested_orientation_type:
            missing.append(_("Choose the new orientation."))
        return missing

    def _case_values(self):
        """What the dialog changes on the case."""
        case = self.case_id
        values = {}
        if (self.note or False) != (case.decision_note or False):
            values["decision_note"] = self.note
        if self.is_orienting and self.decision == GRANTED:
            if self.requested_orientation_type != case.requested_orientation_type:
                values["requested_orientation_type"] = self.requested_orientation_type
            for name in ("new_organism_id", "new_referent_id", "new_correspondant_id"):
                if self[name] != case[name]:
                    values[name] = self[name].id
        return values

    @api.multi
    def action_confirm(self):
        """Record the comment (and the new orientation) on the case and
        decide."""
        self.ensure_one()
        case = self.case_id
        case.notebook_id._cdb_check(PERM_DECIDE)
        missing = self._missing_items()
        if missing:
            raise UserError(_("The case cannot be decided yet:\n%s") % "\n".join(
                "- " + item for item in missing))
        values = self._case_values()
        if values:
            case.write(values)
        case.action_decide(self.decision)
        return {"type": "ir.actions.act_window_close"}
