from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.cer_liaison_workflow import OPINIONS


class CerLiaisonOpinionWizard(models.TransientModel):
    """The correspondant answers a fiche de liaison in a dialog (issue 14,
    "No workflow by trial and error"): his observations and, when a ticked
    request takes it, his opinion. Every missing item is listed in one
    message; the fiche is then answered by its own action
    (``action_answer`` or ``action_opinion_*``, which check the policy and
    the step)."""

    _name = "cer.liaison.opinion.wizard"
    _description = "Answer a fiche de liaison"

    liaison_id = fields.Many2one("cer.liaison", "Fiche de liaison", required=True,
                                 readonly=True, ondelete="cascade")
    needs_opinion = fields.Boolean(related="liaison_id.needs_opinion", readonly=True)
    opinion = fields.Selection(
        [("favourable", "Favourable"), ("unfavourable", "Unfavourable")], "Your opinion")
    comment = fields.Text("Your observations")

    @api.model
    def _open_for(self, liaison):
        wizard = self.create({"liaison_id": liaison.id,
                              "comment": liaison.correspondant_comment})
        return {
            "type": "ir.actions.act_window",
            "name": _("Answer the fiche de liaison"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(self.env.ref("cer_contracts.cer_liaison_opinion_wizard_view_form").id,
                       "form")],
            "target": "new",
        }

    def _missing_items(self):
        missing = []
        if self.needs_opinion and not self.opinion:
            missing.append(_("Choose your opinion (favourable or unfavourable)."))
        if not (self.comment or "").strip():
            missing.append(_("Write your observations: the référent reads them as the "
                             "answer to his request."))
        return missing

    def _event(self):
        return self.opinion if self.needs_opinion else "answer"

    @api.multi
    def action_confirm(self):
        """Record the observations on the fiche and answer it."""
        self.ensure_one()
        liaison = self.liaison_id
        liaison._check_may_answer()
        missing = self._missing_items()
        if missing:
            raise UserError(_("The fiche de liaison cannot be answered yet:\n%s") % "\n".join(
                "- " + item for item in missing))
        event = self._event()
        assert event in OPINIONS + ("answer",)
        liaison.write({"correspondant_comment": self.comment})
        liaison._give_opinion(event)
        return {"type": "ir.actions.act_window_close"}
