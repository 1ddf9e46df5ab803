from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date, selection_label

from .cer_liaison_workflow import LiaisonKind, part

# Guide, Annexe 7, third situation: "Enclenchement d'Actions du Conseil
# Général". The President decides; a granted action goes to the receiving
# structure, which reports the outcome ("PARTIE RÉSERVÉE A LA STRUCTURE").
KIND = LiaisonKind(referent_signs=True, beneficiary_signs=True, president_decides=True, steps={
    "favourable": "opinion", "unfavourable": "opinion",
    "granted": "structure", "refused": "closed", "outcome": "closed"})
# Outcomes that need their motive.
OUTCOMES_WITH_MOTIVE = ("does_not_join", "stopped")
# "Réorientation vers le référent-solidarité, le : ____": with its date.
REORIENTED = "reoriented_solidarity"


class CerLiaisonRequestActions(models.AbstractModel):
    """Fiche de liaison, "Demande d'action Conseil Général": the actions of
    the Département requested (cer.liaison.action), the structure the
    President designates and its report."""

    _name = "cer.liaison.request.actions"
    _description = "Fiche de liaison: request of actions of the Département"

    action_ids = fields.Many2many(
        "cer.liaison.action", "cer_liaison_action_rel", "liaison_id", "action_id",
        "Actions requested", **part("request"))
    action_details = fields.Text(
        "Details", help="Which action and which organism, for the actions to specify.",
        **part("request"))
    desired_structure = fields.Char("Structure wished for the action", **part("request"))

    # ---------------------------------------------- receiving structure
    structure_id = fields.Many2one(
        "res.partner", "Designated structure", domain=[("cdb_is_structure", "=", True)],
        copy=False, **part("designation"))
    structure_contact = fields.Char("Contact at the structure", copy=False,
                                    **part("designation"))
    first_appointment_date = fields.Date("First appointment", copy=False, **part("outcome"))
    outcome = fields.Selection([
        ("started", "The person starts the action"),
        ("did_not_come", "The person did not come to the appointment"),
        ("does_not_join", "The person does not join the action"),
        ("stopped", "The person does not continue the action"),
        (REORIENTED, "Reorientation towards the référent solidarité"),
    ], copy=False, track_visibility="onchange", **part("outcome"))
    new_appointment_date = fields.Date("Other appointment", copy=False, **part("outcome"))
    reorientation_date = fields.Date(
        "Reoriented on", copy=False,
        help="The date the person was sent back to the référent solidarité.",
        **part("outcome"))
    outcome_motive = fields.Text("Motive", copy=False, **part("outcome"))
    synthesis = fields.Text("Synthesis of the action", copy=False, **part("outcome"))

    def _check_actions_send(self):
        if not self.action_ids:
            raise UserError(_("Tick the actions of the Département you request."))
        to_specify = self.action_ids.filtered("needs_precision")
        if to_specify and not (self.action_details or "").strip():
            raise UserError(_("Specify the action and the organism for: %s.")
                            % ", ".join(to_specify.mapped("name")))
        documents = self.action_ids.filtered("required_document")
        if documents and not self.attachment_ids:
            raise UserError(_("Attach the documents the request needs: %s.") % ", ".join(
                "%s (%s)" % (a.required_document, a.name) for a in documents))

    def _decision_details(self):
        details = super()._decision_details()
        if self.request_actions and self.decision == "granted" and self.structure_id:
            details += " " + _("Designated structure: %s.") % self.structure_id.name
        return details

    # ------------------------------------------------ receiving structure
    @api.multi
    def action_record_outcome(self):
        """"PARTIE RÉSERVÉE A LA STRUCTURE": the first appointment and
        whether the person started the action (or was sent back to the
        référent solidarité)."""
        for liaison in self:
            liaison._check_can_record_outcome()
        for liaison in self:
            liaison._workflow_write({"state": liaison._next_state("outcome")})
            body = _("Report of the structure %s: first appointment on %s, %s.") % (
                liaison.structure_id.name, format_date(liaison.first_appointment_date),
                selection_label(liaison, "outcome"))
            if liaison.outcome == REORIENTED:
                body += " " + format_date(liaison.reorientation_date)
            for extra in (liaison.outcome_motive, liaison.synthesis):
                if extra:
                    body += " " + extra
            liaison._notify_referent(body, _("The structure reported on the action of %s")
                                     % liaison.beneficiary_id.name)
        return True

    def _check_can_record_outcome(self):
        if self.state != "structure":
            raise UserError(_("The structure reports on an action granted by the President."))
        self._next_state("outcome")
        self._check_may_contribute()
        if not self.structure_id:
            raise UserError(_("Record the structure that receives the person."))
        if not self.first_appointment_date:
            raise UserError(_("Record the date of the first appointment."))
        if not self.outcome:
            raise UserError(_("Record whether the person started the action."))
        if self.outcome in OUTCOMES_WITH_MOTIVE and not (self.outcome_motive or "").strip():
            raise UserError(_("Give the motive why the person does not join or "
                              "does not continue the action."))
        if self.outcome == REORIENTED and not self.reorientation_date:
            raise UserError(_("Record the date of the reorientation towards the référent "
                              "solidarité."))
