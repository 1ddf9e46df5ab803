from odoo import _, fields, models

from odoo.addons.cdb_base.tools import selection_label
from odoo.addons.rsa_orientation.models.rsa_ep_case import OPEN_STATES


class CerLiaisonEpFollowup(models.AbstractModel):
    """The EP case opened by a fiche de liaison answers the fiche: the
    opinion of the équipe pluridisciplinaire and the President's decision
    come back to the référent, and the decision closes the fiche
    (rsa_ep_case.py calls these hooks)."""

    _name = "cer.liaison.ep.followup"
    _description = "Fiche de liaison: follow-up of the EP case"

    ep_case_id = fields.Many2one("rsa.ep.case", "EP case", readonly=True, copy=False,
                                 index=True)
    ep_case_state = fields.Selection(related="ep_case_id.state", readonly=True,
                                     string="State of the EP case")
    ep_session_id = fields.Many2one(related="ep_case_id.session_id", readonly=True,
                                    string="EP session")
    ep_opinion = fields.Selection(related="ep_case_id.opinion", readonly=True,
                                  string="Opinion of the EP")
    ep_opinion_motive = fields.Text(related="ep_case_id.opinion_motive", readonly=True,
                                    string="Motivation of the EP")
    ep_opinion_date = fields.Date(related="ep_case_id.opinion_date", readonly=True,
                                  string="EP opinion date")
    ep_decision = fields.Selection(related="ep_case_id.decision", readonly=True,
                                   string="President's decision on the EP case")
    ep_decision_date = fields.Date(related="ep_case_id.decision_date", readonly=True,
                                   string="EP decision date")
    ep_decision_note = fields.Text(related="ep_case_id.decision_note", readonly=True,
                                   string="EP decision comment")

    def _ep_part_pending(self):
        # sudo: the state of the case the fiche opened decides where the
        # fiche waits, whoever reads the case
        return bool(self.ep_case_id) and self.sudo().ep_case_id.state in OPEN_STATES

    def _on_ep_opinion(self, author):
        for liaison in self.filtered(lambda liaison: liaison.state not in ("draft", "cancelled")):
            body = _("Opinion of the équipe pluridisciplinaire on %s: %s. %s") % (
                liaison.ep_case_id.name, selection_label(liaison, "ep_opinion"),
                liaison.ep_opinion_motive or "")
            liaison._notify_referent(body, notebook=False, author=author)

    def _on_ep_case_closed(self, author):
        """The EP case is decided (or withdrawn): the référent gets the
        answer (the case already wrote in the carnet), and the fiche is
        closed when it waited only for the EP (another request ticked on it
        may still wait for the President or the structure)."""
        for liaison in self.filtered(lambda liaison: liaison.state not in ("draft", "cancelled")):
            if liaison.state == "ep":
                liaison._workflow_write({"state": liaison._next_state("ep_closed")})
            case = liaison.ep_case_id
            if case.state == "decided":
                body = _("Decision of the President on the EP case %s: %s. %s") % (
                    case.name, selection_label(liaison, "ep_decision"), case.decision_note or "")
            else:
                body = _("The EP case %s was withdrawn.") % case.name
            liaison._notify_referent(body, _("Decision on the EP request of %s")
                                     % liaison.beneficiary_id.name, notebook=False,
                                     author=author)
