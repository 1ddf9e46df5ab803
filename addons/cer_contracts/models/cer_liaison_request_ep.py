from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import selection_label
from odoo.addons.rsa_orientation.models.rsa_orientation import ORIENTATION_TYPES

from .cer_liaison_workflow import LiaisonKind, part

# Guide, Annexe 7, second situation: "Passage en Equipe Pluridisciplinaire".
# The correspondant gives his opinion ("OBSERVATION/AVIS DU CORRESPONDANT")
# and the case goes before the EP whatever it is: the form has the EP's own
# opinion ("AVIS DE L'EQUIPE PLURIDISCIPLINAIRE") and the President's
# decision after it, the correspondant's is an opinion, not a veto. The EP
# case's decision closes the fiche (cer_liaison_ep_followup.py). The référent
# signs ("il est demandé la signature du référent").
KIND = LiaisonKind(referent_signs=True, beneficiary_signs=False, president_decides=False,
                   steps={"favourable": "ep", "unfavourable": "ep", "ep_closed": "closed"})


class CerLiaisonRequestEp(models.AbstractModel):
    """Fiche de liaison, "Demande d'étude en équipe pluridisciplinaire": a
    reorientation (with the employment-distance scale) or a suspension
    (with the convocation letters)."""

    _name = "cer.liaison.request.ep"
    _description = "Fiche de liaison: request to the équipe pluridisciplinaire"

    ep_request_type = fields.Selection(
        [("reorientation", "Reorientation"), ("suspension", "Suspension")], "EP request",
        **part("request"))
    requested_orientation_type = fields.Selection(
        ORIENTATION_TYPES, "Requested orientation", **part("request"))
    reorientation_reason = fields.Selection(
        selection="_selection_reorientation_reason", string="Reason for the reorientation",
        **part("request"))
    suspension_reason = fields.Selection(
        selection="_selection_suspension_reason", string="Reason for the suspension",
        **part("request"))
    ep_motive = fields.Text("Motive of the request", **part("request"))
    assessment_id = fields.Many2one(
        "rsa.ede.assessment", "Employment-distance scale (EDE)", ondelete="restrict",
        domain="[('notebook_id', '=', notebook_id), ('state', '=', 'done')]",
        help="Every reorientation request comes with the employment-distance "
             "scale agreed with the beneficiary.",
        **part("request"))

    @api.model
    def _selection_reorientation_reason(self):
        return self.env["rsa.ep.case"]._fields["reorientation_reason"]._description_selection(
            self.env)

    @api.model
    def _selection_suspension_reason(self):
        return self.env["rsa.ep.case"]._fields["suspension_reason"]._description_selection(
            self.env)

    def _is_reorientation(self):
        return self.ep_request_type == "reorientation"

    def _check_ep_send(self):
        """Annexe 7: "A chaque demande de réorientation, transmettre
        également, l'échelle de distance à l'emploi." — "A chaque demande de
        suspension, transmettre aussi les différents courriers de
        convocations." """
        if not self.ep_request_type:
            raise UserError(_("Choose the request to the équipe pluridisciplinaire: "
                              "reorientation or suspension."))
        if not (self.ep_motive or "").strip():
            raise UserError(_("Write the motive of the request."))
        if self._is_reorientation():
            self._check_reorientation_request()
        else:
            if not self.suspension_reason:
                raise UserError(_("Choose the reason for the suspension."))
            if not self.attachment_ids:
                raise UserError(_(
                    "A suspension request comes with the convocation letters: attach "
                    "them to the fiche de liaison."))

    def _check_reorientation_request(self):
        if not self.requested_orientation_type:
            raise UserError(_("Choose the orientation requested."))
        if not self.reorientation_reason:
            raise UserError(_("Choose the reason for the reorientation."))
        assessment = self.assessment_id
        if not assessment or assessment.state != "done" or \
                assessment.notebook_id != self.notebook_id:
            raise UserError(_(
                "A reorientation request comes with the employment-distance scale "
                "(EDE) agreed with the beneficiary: attach an agreed assessment of "
                "this carnet."))

    def _on_ep_favourable(self):
        """The request goes to the équipe pluridisciplinaire."""
        return {"ep_case_id": self._create_ep_case().id}

    def _on_ep_unfavourable(self):
        """An unfavourable opinion is recorded (on the fiche and the case):
        the request still goes to the équipe pluridisciplinaire."""
        return self._on_ep_favourable()

    def _create_ep_case(self):
        """The EP case, with the same data and documents (the EDE, the
        convocation letters)."""
        reorientation = self._is_reorientation()
        case = self.env["rsa.ep.case"].create({
            "notebook_id": self.notebook_id.id,
            "case_type": self.ep_request_type,
            "origin_orientation_id": self.notebook_id.orientation_id.id,
            "requested_orientation_type": reorientation and self.requested_orientation_type,
            "reorientation_reason": reorientation and self.reorientation_reason,
            "suspension_reason": not reorientation and self.suspension_reason,
            "motive": self.ep_motive,
            "assessment_id": reorientation and self.assessment_id.id,
        })
        # The documents the référent attached: checked to belong to this
        # carnet (the ids come from the client) before they are copied.
        # sudo: every linked document, including those the user may not read
        attachments = self._check_attachments(self.sudo().attachment_ids)
        for attachment in attachments:
            # sudo: the documents belong to this carnet (checked above) and go
            # with the request to the case; the correspondant may not read them
            attachment.sudo().copy({"res_model": case._name, "res_id": case.id})
        case.message_post(body=_("Request of the référent %s by the fiche de liaison %s; "
                                 "opinion of the correspondant %s: %s. %s") % (
            self.referent_id.name, self.name, self.env.user.name,
            selection_label(self, "correspondant_opinion"), self.correspondant_comment))
        case.invalidate_cache()
        case.action_submit()
        return case
