from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.cdb_notebook import PERM_GIVE_OPINION
from ..models.rsa_ep_case import OPINIONS


class RsaEpCaseOpinionWizard(models.TransientModel):
    """The team's opinion on a case in a dialog (issue 14, "No workflow by
    trial and error"): the session, the opinion and its motivation. Every
    missing item is listed in one message; the opinion is then given by the
    case's own action (``action_give_opinion``, which checks the policy)."""

    _name = "rsa.ep.case.opinion.wizard"
    _description = "Give the team's opinion"

    case_id = fields.Many2one("rsa.ep.case", "Case", required=True, readonly=True,
                              ondelete="cascade")
    team_type = fields.Selection(related="case_id.team_type", readonly=True)
    session_id = fields.Many2one(
        "rsa.ep.session", "Session",
        domain="[('state', '=', 'planned'), ('team_type', '=', team_type)]")
    opinion = fields.Selection(OPINIONS, "Opinion of the team")
    motive = fields.Text("Motivation of the opinion")

    @api.model
    def _open_for(self, case):
        wizard = self.create({"case_id": case.id, "session_id": case.session_id.id,
                              "motive": case.opinion_motive})
        return {
            "type": "ir.actions.act_window",
            "name": _("Opinion of the team"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(self.env.ref("rsa_orientation.rsa_ep_case_opinion_wizard_view_form").id,
                       "form")],
            "target": "new",
        }

    def _missing_items(self):
        missing = []
        if not self.session_id:
            missing.append(_("Put the case on the agenda of a session."))
        if not self.opinion:
            missing.append(_("Choose the opinion of the team (favourable or unfavourable)."))
        if not (self.motive or "").strip():
            missing.append(_("Write the motivation of the opinion."))
        return missing

    @api.multi
    def action_confirm(self):
        """Record the session and the motivation on the case and give the
        opinion."""
        self.ensure_one()
        case = self.case_id
        case.notebook_id._cdb_check(PERM_GIVE_OPINION)
        missing = self._missing_items()
        if missing:
            raise UserError(_("The opinion cannot be given yet:\n%s") % "\n".join(
                "- " + item for item in missing))
        values = {}
        if self.session_id != case.session_id:
            values["session_id"] = self.session_id.id
        if (self.motive or False) != (case.opinion_motive or False):
            values["opinion_motive"] = self.motive
        if values:
            case.write(values)
        case.action_give_opinion(self.opinion)
        return {"type": "ir.actions.act_window_close"}
