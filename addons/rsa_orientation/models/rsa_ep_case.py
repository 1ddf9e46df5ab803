from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date, selection_label

from ..settings import EP_OPINION_DELAY_MONTHS
from .cdb_notebook import (
    PERM_DECIDE, PERM_GIVE_OPINION, PERM_PROPOSE, PERM_STEP_SANCTION, check_not_moved)
from .rsa_ep_session import PLANNED
from .rsa_orientation import ORIENTATION_TYPES

# States of a case, in the order of the procedure.
DRAFT, SUBMITTED, OPINION, DECIDED, CANCELLED = (
    "draft", "submitted", "opinion", "decided", "cancelled")
OPEN_STATES = (DRAFT, SUBMITTED, OPINION)
OPINIONS = [("favourable", "Favourable"), ("unfavourable", "Unfavourable")]
GRANTED, REFUSED = "confirmed", "refused"
DECISIONS = [(GRANTED, "Request granted"), (REFUSED, "Request refused")]

# The fields a user fills at each stage, and the states in which they may
# still change (afterwards they are what the team and the President saw).
REQUEST_FIELDS = (
    "case_type", "origin_orientation_id", "reorientation_reason", "suspension_reason",
    "motive", "assessment_id")
DECISION_FIELDS = (
    "requested_orientation_type", "decision_note", "new_organism_id", "new_referent_id",
    "new_correspondant_id")
EDITABLE_IN = dict(
    [(name, (DRAFT,)) for name in REQUEST_FIELDS]
    + [("session_id", (DRAFT, SUBMITTED)), ("opinion_motive", (DRAFT, SUBMITTED))]
    + [(name, OPEN_STATES) for name in DECISION_FIELDS])


class RsaEpCase(models.Model):
    """A case put before the équipe pluridisciplinaire (seed 003, "LES
    INSTANCES": "Cette instance a pour rôle d'émettre un avis sur les
    propositions de réorientation ou de suspension du RSA. Elles ont un mois
    pour rendre leur recommandation auprès du Président du Conseil Général.")

    Motifs as in Annexe 7 (fiche de liaison, "DEMANDE D'ETUDE EN EQUIPE
    PLURIDISCIPLINAIRE"): "A chaque demande de réorientation, transmettre
    également, l'échelle de distance à l'emploi" — "A chaque demande de
    suspension, transmettre aussi les différents courriers de convocations."

    A member proposes the case (``action_submit``, ``PERM_PROPOSE``); the
    team gives its opinion (``action_give_opinion``, ``PERM_GIVE_OPINION``);
    a delegate of the President decides (``action_decide``, ``PERM_DECIDE``)
    and steps the sanction scale (``PERM_STEP_SANCTION``). The state, the
    opinion, the decision, their dates and authors and the number change
    only through these actions; what each stage saw is frozen after it
    (``EDITABLE_IN``).
    """

    _name = "rsa.ep.case"
    _description = "EP case"
    _inherit = ["cdb.workflow.mixin", "cdb.numbered.mixin", "mail.thread",
                "mail.activity.mixin"]
    _order = "date_submitted desc, id desc"
    _sequence_code = "rsa.ep.case"
    _workflow_fields = (
        "name", "state", "date_submitted", "opinion", "opinion_date", "decision",
        "decision_date", "decision_user_id", "result_orientation_id")

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    beneficiary_name = fields.Char(
        related="notebook_id.beneficiary_id.name", store=True, readonly=True,
        string="Beneficiary")
    referent_id = fields.Many2one(
        related="notebook_id.referent_id", store=True, readonly=True, string="Référent")
    session_id = fields.Many2one(
        "rsa.ep.session", "Session", index=True, track_visibility="onchange",
        domain=[("state", "=", PLANNED)])
    case_type = fields.Selection([
        ("reorientation", "Reorientation"),
        ("suspension", "Suspension"),
    ], "Request", required=True, track_visibility="onchange")
    origin_orientation_id = fields.Many2one("rsa.orientation", "Current orientation")
    requested_orientation_type = fields.Selection(ORIENTATION_TYPES, "Requested orientation")
    reorientation_reason = fields.Selection([
        ("radiation_ft", "Struck off France Travail"),
        ("initial_unsuitable", "Initial orientation unsuitable"),
        ("situation_change", "Change in the person's situation"),
        ("after_contract", "Reorientation after the end of the contract"),
        ("solidarity_limit", "Solidarity accompaniment reached 12 months"),
        ("other", "Other"),
    ], "Reason for the reorientation")
    suspension_reason = fields.Selection([
        ("no_contract", "PPAE or contract not signed"),
        ("breach", "PPAE or contract not respected"),
        ("radiation_ft", "Struck off France Travail"),
        ("control_refusal", "Refusal to undergo control"),
        ("other", "Other"),
    ], "Reason for the suspension")
    motive = fields.Text("Motive of the request")
    assessment_id = fields.Many2one(
        "rsa.ede.assessment", "EDE assessment", domain="[('notebook_id', '=', notebook_id)]")
    attachment_count = fields.Integer(compute="_compute_attachment_count")
    date_submitted = fields.Date("Submitted on", readonly=True, copy=False)
    opinion_deadline = fields.Date(
        "Opinion due by", compute="_compute_opinion_deadline", store=True)
    opinion = fields.Selection(OPINIONS, track_visibility="onchange", copy=False,
                               readonly=True)
    opinion_motive = fields.Text("Motivation of the opinion", copy=False)
    opinion_date = fields.Date(copy=False, readonly=True)
    decision = fields.Selection(DECISIONS, "President's decision",
                                track_visibility="onchange", copy=False, readonly=True)
    decision_date = fields.Date(copy=False, readonly=True)
    decision_user_id = fields.Many2one(
        "res.users", "Decided by delegation of the President", copy=False, readonly=True)
    decision_note = fields.Text("Decision comment", copy=False)
    new_organism_id = fields.Many2one(
        "res.partner", "New designated organism", domain=[("cdb_is_structure", "=", True)])
    new_referent_id = fields.Many2one("res.users", "New référent")
    new_correspondant_id = fields.Many2one("res.users", "Correspondant")
    result_orientation_id = fields.Many2one("rsa.orientation", "New orientation", readonly=True)
    sanction_step_ids = fields.One2many("rsa.sanction.step", "case_id", "Suspension steps")
    failure = fields.Selection(
        related="sanction_step_ids.rule_id.failure", readonly=True, string="Scale")
    state = fields.Selection([
        (DRAFT, "Draft"),
        (SUBMITTED, "Submitted"),
        (OPINION, "Opinion given"),
        (DECIDED, "Decided"),
        (CANCELLED, "Cancelled"),
    ], default=DRAFT, required=True, index=True, track_visibility="onchange")

    @api.model
    def _open_domain(self):
        """The cases still going through the procedure."""
        return [("state", "in", OPEN_STATES)]

    def _compute_attachment_count(self):
        groups = self.env["ir.attachment"].read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["res_id"])
        counts = {g["res_id"]: g["res_id_count"] for g in groups}
        for case in self:
            case.attachment_count = counts.get(case.id, 0)

    @api.depends("date_submitted")
    def _compute_opinion_deadline(self):
        months = EP_OPINION_DELAY_MONTHS.get(self.env)
        for case in self:
            case.opinion_deadline = case.date_submitted and fields.Date.to_string(
                fields.Date.from_string(case.date_submitted) + relativedelta(months=months))

    @api.model
    def create(self, vals):
        """A proposal, by a member of the carnet or a delegate."""
        if vals.get("notebook_id"):
            self.env["cdb.notebook"].browse(vals["notebook_id"])._cdb_check(PERM_PROPOSE)
        case = super().create(vals)
        if case.referent_id:
            case.message_subscribe_users(user_ids=case.referent_id.ids)
        return case

    @api.multi
    def write(self, vals):
        check_not_moved(self, vals)
        self._check_stage_fields(vals)
        return super().write(vals)

    def _check_stage_fields(self, vals):
        """What a stage saw stays as it was (``EDITABLE_IN``)."""
        for name in set(vals) & set(EDITABLE_IN):
            for case in self:
                if case.state not in EDITABLE_IN[name] and case._workflow_changes(
                        name, vals[name]):
                    case._raise_locked_field(name)

    # ------------------------------------------------------------- submit
    @api.multi
    def action_submit(self):
        for case in self:
            case.notebook_id._cdb_check(PERM_PROPOSE)
            case._check_complete()
        self._workflow_write({"state": SUBMITTED,
                              "date_submitted": fields.Date.context_today(self)})
        return True

    def _check_complete(self):
        """What Annexe 7 asks to send with each request."""
        if self.state != DRAFT:
            raise UserError(_("Only a draft case can be submitted."))
        if not self.motive:
            raise UserError(_("Write the motive of the request."))
        if self.case_type == "reorientation":
            if not self.reorientation_reason:
                raise UserError(_("Choose the reason for the reorientation."))
            if not self.assessment_id or not self.assessment_id._is_agreed():
                raise UserError(_(
                    "A reorientation request must come with an agreed "
                    "employment-distance scale (EDE) of the beneficiary."))
        if self.case_type == "suspension":
            if not self.suspension_reason:
                raise UserError(_("Choose the reason for the suspension."))
            if not self.attachment_count:
                raise UserError(_(
                    "A suspension request must come with the convocation letters: "
                    "attach them to the case."))

    # ------------------------------------------------------------ opinion
    @api.multi
    def action_opinion_favourable(self):
        """Button: the team's opinion is favourable."""
        return self.action_give_opinion("favourable")

    @api.multi
    def action_opinion_unfavourable(self):
        """Button: the team's opinion is unfavourable."""
        return self.action_give_opinion("unfavourable")

    @api.multi
    def action_give_opinion(self, opinion):
        """Record the team's ``opinion`` ("favourable" or "unfavourable"),
        motivated in ``opinion_motive``: a member of the session's team or a
        delegate."""
        self._check_choice("opinion", opinion)
        for case in self:
            case.notebook_id._cdb_check(PERM_GIVE_OPINION)
            if case.state != SUBMITTED:
                raise UserError(_("The opinion is given on a submitted case."))
            if not case.session_id:
                raise UserError(_("Put the case on the agenda of a session first."))
            if not (case.opinion_motive or "").strip():
                raise UserError(_("The opinion of the team must be given and motivated."))
        self._workflow_write({"state": OPINION, "opinion": opinion,
                              "opinion_date": fields.Date.context_today(self)})
        return True

    @api.model
    def _check_choice(self, name, value):
        """``value`` is one of the choices of the selection ``name``."""
        choices = dict(self._fields[name]._description_selection(self.env))
        if value not in choices:
            raise UserError(_("Choose one of: %s.") % ", ".join(choices.values()))

    # ----------------------------------------------------------- decision
    @api.multi
    def action_grant(self):
        """Button: the President grants the request (by delegation)."""
        return self.action_decide(GRANTED)

    @api.multi
    def action_refuse(self):
        """Button: the President refuses the request (by delegation)."""
        return self.action_decide(REFUSED)

    @api.multi
    def action_decide(self, decision):
        """The President's ``decision`` ("confirmed" or "refused"), by
        delegation: a granted reorientation creates the new orientation; a
        granted suspension starts the scale."""
        self._check_choice("decision", decision)
        for case in self:
            case.notebook_id._cdb_check(PERM_DECIDE)
            case._check_can_decide(decision)
            case._workflow_write({
                "state": DECIDED,
                "decision": decision,
                "decision_date": fields.Date.context_today(self),
                "decision_user_id": self.env.user.id,
            })
            if decision == GRANTED:
                case._apply_decision()
            case._notify_referent()
        return True

    def _check_can_decide(self, decision):
        if self.state != OPINION:
            raise UserError(_("The decision follows the opinion of the team."))
        if self.case_type == "reorientation" and decision == GRANTED and \
                not self.requested_orientation_type:
            raise UserError(_("Choose the new orientation."))

    def _apply_decision(self):
        if self.case_type == "reorientation":
            self._create_new_orientation()
        else:
            self._start_sanction_scale()

    def _create_new_orientation(self):
        orientation = self.env["rsa.orientation"]._workflow_create({
            "notebook_id": self.notebook_id.id,
            "orientation_type": self.requested_orientation_type,
            "organism_id": self.new_organism_id.id,
            "referent_id": self.new_referent_id.id,
            "correspondant_id": self.new_correspondant_id.id,
            "basis": "team",
            "assessment_id": self.assessment_id.id,
            "ep_case_id": self.id,
            "date_decision": self.decision_date,
        })
        self._workflow_write({"result_orientation_id": orientation.id})
        if orientation.referent_id:
            orientation.action_decide()
        return orientation

    # ---------------------------------------------------------- sanctions
    def _failure_scale(self):
        failure = "no_contract" if self.suspension_reason == "no_contract" else "breach"
        return self.env["rsa.sanction.rule"].search([("failure", "=", failure)])

    def _start_sanction_scale(self):
        first = self._failure_scale()[:1]
        if first:
            self.env["rsa.sanction.step"]._apply(self, first, self.decision_date)

    @api.multi
    def action_next_sanction_step(self):
        """Button: the failure goes on, apply the next step of the scale (a
        delegate)."""
        self._apply_next_sanction_step()
        return True

    def _apply_next_sanction_step(self):
        self.ensure_one()
        self.notebook_id._cdb_check(PERM_STEP_SANCTION)
        self._check_sanction_running()
        current = self.sanction_step_ids[-1:]
        remaining = self._failure_scale().filtered(
            lambda r: r.sequence > (current.sequence if current else -1))
        if not remaining:
            raise UserError(_("The last step of the scale is already applied."))
        today = fields.Date.context_today(self)
        current._close(today)
        start = max(today, current.date_end) if current else today
        return self.env["rsa.sanction.step"]._apply(self, remaining[0], start)

    @api.multi
    def action_end_sanction_step(self):
        """Button: the failure has ended (the contract is signed…): the open
        step of the scale ends today (a delegate)."""
        for case in self:
            case.notebook_id._cdb_check(PERM_STEP_SANCTION)
            case._check_sanction_running()
            current = case.sanction_step_ids[-1:]
            if not current or current.date_end:
                raise UserError(_("No step of the scale is running without an end date."))
            current._close(fields.Date.context_today(self))
        return True

    def _check_sanction_running(self):
        if self.case_type != "suspension" or self.decision != GRANTED:
            raise UserError(_("Only a granted suspension follows the scale."))

    # ------------------------------------------------------------- others
    def _notify_referent(self):
        body = _("EP case %s: %s (opinion: %s).") % (
            self.name, selection_label(self, "decision"), selection_label(self, "opinion"))
        self.message_post(body=body, subtype="mail.mt_comment",
                          partner_ids=self.referent_id.partner_id.ids)
        self.notebook_id.message_post(body=body)

    @api.multi
    def action_cancel(self):
        """Withdraw a case not decided yet (who may propose it)."""
        for case in self:
            case.notebook_id._cdb_check(PERM_PROPOSE)
            if case.state not in OPEN_STATES:
                raise UserError(_("Only a case not decided yet can be cancelled."))
        self._workflow_write({"state": CANCELLED})
        return True
