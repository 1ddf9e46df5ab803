from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cdb_base.tools import format_date, selection_label

from ..settings import EP_OPINION_DELAY_MONTHS, RADIATION_AFTER_MONTHS
from .cdb_notebook import (
    PERM_DECIDE, PERM_GIVE_OPINION, PERM_PROPOSE, PERM_STEP_SANCTION)
from .rsa_ep_session import EP_TEAM, ORIENTATION_TEAM, TEAMS
from .rsa_orientation import DRAFT as ORIENTATION_DRAFT
from .rsa_orientation import ORIENTATION_TYPES
from .rsa_orientation import REFUSED as ORIENTATION_REFUSED
from .rsa_sanction_rule import RADIATION, SUSPENSION

# States of a case, in the order of the procedure.
DRAFT, SUBMITTED, OPINION, DECIDED, CANCELLED = (
    "draft", "submitted", "opinion", "decided", "cancelled")
OPEN_STATES = (DRAFT, SUBMITTED, OPINION)
OPINIONS = [("favourable", "Favourable"), ("unfavourable", "Unfavourable")]
GRANTED, REFUSED = "confirmed", "refused"
DECISIONS = [(GRANTED, "Request granted"), (REFUSED, "Request refused")]
# The requests: seed 003, "LES INSTANCES": the orientation team "préconise
# l'orientation"; the équipe pluridisciplinaire gives "un avis sur les
# propositions de réorientation ou de suspension du RSA".
ORIENTATION, REORIENTATION, SUSPENSION_REQUEST = "orientation", "reorientation", "suspension"
CASE_TYPES = [
    (ORIENTATION, "First orientation (orientation team)"),
    (REORIENTATION, "Reorientation"),
    (SUSPENSION_REQUEST, "Suspension"),
]
# The team that examines each request, and the requests that end with an
# orientation decision.
TEAM_OF_REQUEST = {ORIENTATION: ORIENTATION_TEAM, REORIENTATION: EP_TEAM,
                   SUSPENSION_REQUEST: EP_TEAM}
ORIENTING_REQUESTS = (ORIENTATION, REORIENTATION)

# The fields a user fills at each stage, and the states in which they may
# still change (afterwards they are what the team and the President saw).
REQUEST_FIELDS = (
    "case_type", "origin_orientation_id", "reorientation_reason", "suspension_reason",
    "motive", "assessment_id")
DECISION_FIELDS = (
    "requested_orientation_type", "decision_note", "new_organism_id", "new_referent_id",
    "new_correspondant_id")
# The decision's own fields: written by a delegate of the President only.
DELEGATE_FIELDS = ("decision_note", "new_organism_id", "new_referent_id",
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
    team gives its opinion (``action_give_opinion``, ``PERM_GIVE_OPINION``)
    and the delegates of the President receive the case as a task; a
    delegate decides (``action_decide``, ``PERM_DECIDE``; the decision's
    comment and the new organism, référent and correspondant are his) and
    steps the sanction scale (``PERM_STEP_SANCTION``). The state, the
    opinion, the decision, their dates and authors and the number change
    only through these actions; what each stage saw is frozen after it
    (``EDITABLE_IN``).

    A first orientation proposed with an assessment between the thresholds
    comes as a request "orientation" (``rsa.orientation.action_propose``),
    examined by the orientation team; its decision decides the proposal.

    Sanctions ("Les sanctions"): "En cas de non-conclusion ou
    non-renouvellement du contrat, le montant du RSA sera réduit de 100 €
    pendant un mois, puis de la moitié du montant forfaitaire applicable au
    foyer (ou de la totalité du RSA pour une personne seule) jusqu'à la
    conclusion ou le renouvellement de celui-ci. La radiation du dispositif
    interviendra au bout de 4 mois de suspension totale": the signature of
    a contract ends the failure (``_on_contracts_signed``, called by the
    contracts module); the radiation is due ``RADIATION_AFTER_MONTHS`` after
    the start of the suspension step, dated then, decided by a delegate, who
    receives a task when it is due (``_cron_radiation_due``).
    """

    _name = "rsa.ep.case"
    _description = "EP case"
    _inherit = ["cdb.workflow.mixin", "cdb.notebook.part.mixin", "cdb.numbered.mixin",
                "mail.thread", "mail.activity.mixin"]
    _order = "date_submitted desc, id desc"
    _sequence_code = "rsa.ep.case"
    _workflow_fields = (
        "name", "state", "date_submitted", "opinion", "opinion_date", "decision",
        "decision_date", "decision_user_id", "result_orientation_id", "proposal_id",
        "failure_end_date", "radiation_notified")

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    beneficiary_name = fields.Char(
        related="notebook_id.beneficiary_id.name", store=True, readonly=True,
        string="Beneficiary")
    referent_id = fields.Many2one(
        related="notebook_id.referent_id", store=True, readonly=True, string="Référent")
    session_id = fields.Many2one(
        "rsa.ep.session", "Session", index=True, track_visibility="onchange",
        domain="[('state', '=', 'planned'), ('team_type', '=', team_type)]")
    case_type = fields.Selection(
        CASE_TYPES, "Request", required=True, track_visibility="onchange")
    team_type = fields.Selection(
        TEAMS, "Team", compute="_compute_team_type",
        help="The team that examines the request: the orientation team for a first "
             "orientation, the équipe pluridisciplinaire otherwise.")
    origin_orientation_id = fields.Many2one("rsa.orientation", "Current orientation")
    proposal_id = fields.Many2one(
        "rsa.orientation", "Proposed orientation", readonly=True, copy=False,
        help="The first orientation proposed, which this case puts before the "
             "orientation team.")
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
    failure_end_date = fields.Date(
        "Failure ended on", readonly=True, copy=False,
        help="The contract was concluded or the failure ended: no further step.")
    radiation_due_date = fields.Date(
        "Radiation due on", compute="_compute_radiation_due_date",
        help="\"La radiation du dispositif interviendra au bout de 4 mois de suspension "
             "totale\": from the start of the suspension step (the months are a setting).")
    radiation_notified = fields.Boolean(readonly=True, copy=False)
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

    @api.depends("case_type")
    def _compute_team_type(self):
        for case in self:
            case.team_type = TEAM_OF_REQUEST.get(case.case_type)

    def _is_open(self):
        self.ensure_one()
        return self.state in OPEN_STATES

    def _is_granted(self):
        self.ensure_one()
        return self.state == DECIDED and self.decision == GRANTED

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

    @api.constrains("case_type", "session_id")
    def _check_session_team(self):
        """Each request before its team (``TEAM_OF_REQUEST``)."""
        # sudo: the team of a session, whoever may read the session (a
        # correspondant puts a case on an agenda he does not read)
        for case in self.sudo().filtered("session_id"):
            if case.session_id.team_type != case.team_type:
                raise ValidationError(_(
                    "A first orientation is examined by an orientation team, a "
                    "reorientation or a suspension by an équipe pluridisciplinaire: "
                    "choose a session of that team."))

    @api.model
    def create(self, vals):
        """A proposal, by a member of the carnet or a delegate (the
        decision's fields by a delegate only)."""
        if vals.get("notebook_id"):
            notebook = self.env["cdb.notebook"].browse(vals["notebook_id"])
            notebook._cdb_check(PERM_PROPOSE)
            if any(vals.get(name) for name in DELEGATE_FIELDS) and \
                    not self._in_workflow_transition():
                notebook._cdb_check(PERM_DECIDE)
        case = super().create(vals)
        if case.referent_id:
            case.message_subscribe_users(user_ids=case.referent_id.ids)
        return case

    @api.multi
    def write(self, vals):
        self._check_stage_fields(vals)
        if not self._in_workflow_transition():
            self._check_delegate_fields(vals)
        return super().write(vals)

    def _check_delegate_fields(self, vals):
        """The decision's comment and the new organism, référent and
        correspondant are the delegate's: a référent who named the next
        référent before the decision would write it for the President."""
        names = [name for name in DELEGATE_FIELDS if name in vals]
        for case in self:
            if any(case._workflow_changes(name, vals[name]) for name in names):
                case.notebook_id._cdb_check(PERM_DECIDE)

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
        if self.case_type == REORIENTATION and not self.reorientation_reason:
            raise UserError(_("Choose the reason for the reorientation."))
        if self.case_type in ORIENTING_REQUESTS and (
                not self.assessment_id or not self.assessment_id._is_agreed()):
            raise UserError(_(
                "A request of orientation or reorientation must come with an agreed "
                "employment-distance scale (EDE) of the beneficiary."))
        if self.case_type == SUSPENSION_REQUEST:
            if not self.suspension_reason:
                raise UserError(_("Choose the reason for the suspension."))
            if not self.attachment_count:
                raise UserError(_(
                    "A suspension request must come with the convocation letters: "
                    "attach them to the case."))

    # ------------------------------------------------------------ opinion
    @api.multi
    def action_open_opinion_wizard(self):
        """The dialog asking the session, the opinion and its motivation,
        then giving it (``action_give_opinion``)."""
        self.ensure_one()
        self.notebook_id._cdb_check(PERM_GIVE_OPINION)
        if self.state != SUBMITTED:
            raise UserError(_("The opinion is given on a submitted case."))
        return self.env["rsa.ep.case.opinion.wizard"]._open_for(self)

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
        for case in self:
            case.notebook_id._cdb_ask_decision(
                case, _("Decide the EP case %s (%s)") % (
                    case.name, selection_label(case, "case_type")))
        return True

    @api.model
    def _check_choice(self, name, value):
        """``value`` is one of the choices of the selection ``name``."""
        choices = dict(self._fields[name]._description_selection(self.env))
        if value not in choices:
            raise UserError(_("Choose one of: %s.") % ", ".join(choices.values()))

    # ----------------------------------------------------------- decision
    @api.multi
    def action_open_decision_wizard(self):
        """The dialog asking the decision, its comment and the new
        orientation, then deciding (``action_decide``)."""
        self.ensure_one()
        self.notebook_id._cdb_check(PERM_DECIDE)
        if self.state != OPINION:
            raise UserError(_("The decision follows the opinion of the team."))
        return self.env["rsa.ep.case.decision.wizard"]._open_for(self)

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
            elif case.proposal_id:
                case._refuse_proposal()
            case._notify_referent()
        self.env["cdb.notebook"]._cdb_close_decision_tasks(self)
        return True

    def _check_can_decide(self, decision):
        if self.state != OPINION:
            raise UserError(_("The decision follows the opinion of the team."))
        if self.case_type in ORIENTING_REQUESTS and decision == GRANTED and \
                not self.requested_orientation_type:
            raise UserError(_("Choose the new orientation."))

    def _apply_decision(self):
        if self.case_type == SUSPENSION_REQUEST:
            self._start_sanction_scale()
        elif self.proposal_id:
            self._decide_proposal()
        else:
            self._create_new_orientation()

    def _decide_proposal(self):
        """The first orientation proposed becomes the decision, with what the
        delegate chose on the case."""
        proposal = self.proposal_id
        proposal._workflow_write({
            "orientation_type": self.requested_orientation_type,
            "organism_id": self.new_organism_id.id or proposal.organism_id.id,
            "referent_id": self.new_referent_id.id or proposal.referent_id.id,
            "correspondant_id": self.new_correspondant_id.id or proposal.correspondant_id.id,
            "basis": "team",
            "date_decision": self.decision_date,
        })
        self._workflow_write({"result_orientation_id": proposal.id})
        if proposal.referent_id:
            proposal.action_decide()
        return proposal

    def _refuse_proposal(self):
        proposal = self.proposal_id
        proposal._workflow_write({"state": ORIENTATION_REFUSED,
                                  "decision_user_id": self.env.user.id})
        proposal._notify_proposer(_("The proposed orientation is not retained (EP case %s).")
                                  % self.name)

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
        """The next step of the scale, decided by a delegate: it starts when
        the current one ends (an open-ended current step ends then); the
        radiation, once due only, on its due date."""
        self.ensure_one()
        self.notebook_id._cdb_check(PERM_STEP_SANCTION)
        self._check_sanction_running()
        if self.failure_end_date:
            raise UserError(_("The failure ended on %s: no further step of the scale.")
                            % format_date(self.failure_end_date))
        current = self.sanction_step_ids[-1:]
        remaining = self._failure_scale().filtered(
            lambda r: r.sequence > (current.sequence if current else -1))
        if not remaining:
            raise UserError(_("The last step of the scale is already applied."))
        rule = remaining[0]
        start = fields.Date.context_today(self)
        if rule.kind == RADIATION:
            start = self._check_radiation_due(start)
        current._close(start)
        if current:
            start = max(start, current.date_end)
        self.env["cdb.notebook"]._cdb_close_decision_tasks(self)
        return self.env["rsa.sanction.step"]._apply(self, rule, start)

    def _suspension_step(self):
        """The first step of suspension applied (half of the montant
        forfaitaire, or the whole RSA of a single person)."""
        return self.sanction_step_ids.filtered(lambda s: s.rule_id.kind == SUSPENSION)[:1]

    def _radiation_step(self):
        return self.sanction_step_ids.filtered(lambda s: s.rule_id.kind == RADIATION)[:1]

    @api.depends("sanction_step_ids.date_start", "sanction_step_ids.rule_id.kind",
                 "failure_end_date")
    def _compute_radiation_due_date(self):
        """"au bout de 4 mois de suspension totale": the start of the
        suspension step plus ``RADIATION_AFTER_MONTHS``, while the failure
        goes on and the radiation is not applied."""
        months = RADIATION_AFTER_MONTHS.get(self.env)
        for case in self:
            suspension = case._suspension_step()
            if suspension and not case.failure_end_date and not case._radiation_step():
                case.radiation_due_date = fields.Date.to_string(
                    fields.Date.from_string(suspension.date_start) + relativedelta(months=months))
            else:
                case.radiation_due_date = False

    def _check_radiation_due(self, today):
        """The radiation's date: its due date, once reached."""
        due = self.radiation_due_date
        if not due:
            raise UserError(_(
                "The radiation comes after a suspension step of the scale: apply the "
                "suspension first."))
        if due > today:
            raise UserError(_(
                "The radiation comes \"au bout de 4 mois de suspension totale\": it is "
                "due on %s.") % format_date(due))
        return due

    @api.multi
    def action_end_sanction_step(self):
        """Button: the failure has ended (the contract is signed…): the open
        step of the scale ends today, and no further step follows (a
        delegate)."""
        for case in self:
            case.notebook_id._cdb_check(PERM_STEP_SANCTION)
            case._check_sanction_running()
            current = case.sanction_step_ids[-1:]
            if not current or current.date_end:
                raise UserError(_("No step of the scale is running without an end date."))
            case._end_failure(fields.Date.context_today(self))
        return True

    def _end_failure(self, day):
        """The failure ends on ``day``: the open step ends, the radiation
        will not come."""
        self.sanction_step_ids.filtered(lambda s: not s.date_end)._close(day)
        self._workflow_write({"failure_end_date": day})
        self.env["cdb.notebook"]._cdb_close_decision_tasks(self)

    def _check_sanction_running(self):
        if self.case_type != SUSPENSION_REQUEST or self.decision != GRANTED:
            raise UserError(_("Only a granted suspension follows the scale."))

    @api.model
    def _running_suspension_domain(self):
        """The granted suspensions whose failure goes on."""
        return [("case_type", "=", SUSPENSION_REQUEST), ("state", "=", DECIDED),
                ("decision", "=", GRANTED), ("failure_end_date", "=", False)]

    @api.model
    def _on_contracts_signed(self, contracts):
        """Called by the contracts module when ``contracts`` are signed.
        Seed 003: the reduction lasts "jusqu'à la conclusion ou le
        renouvellement de celui-ci": a contract signed ends the failure of a
        suspension for a contract not concluded (its open step ends on the
        day of the signature; the radiation will not come)."""
        ended = self.browse()
        for contract in contracts:
            day = contract.signed_date or fields.Date.context_today(self)
            # sudo: the signature (the contracts module checked who signs)
            # ends the failure by the guide's rule, not by anyone's choice
            cases = self.sudo().search(self._running_suspension_domain() + [
                ("notebook_id", "=", contract.notebook_id.id),
                ("suspension_reason", "=", "no_contract")])
            for case in cases:
                case._end_failure(day)
                case.message_post(body=_(
                    "Contract %s signed on %s: the failure ends (\"jusqu'à la "
                    "conclusion\"), no further step of the scale.") % (
                        contract.display_name, format_date(day)))
            ended |= cases
        return ended.with_env(self.env)

    @api.model
    def _cron_radiation_due(self):
        """Daily: a radiation due is a task for the delegates of the carnet
        (once)."""
        today = fields.Date.context_today(self)
        cases = self.search(self._running_suspension_domain() + [
            ("radiation_notified", "=", False)]).filtered(
                lambda c: c.radiation_due_date and c.radiation_due_date <= today)
        for case in cases:
            case.notebook_id._cdb_ask_decision(
                case, _("Radiation due on %s (EP case %s): decide it or record the end "
                        "of the failure") % (format_date(case.radiation_due_date), case.name),
                case.radiation_due_date)
        cases._workflow_write({"radiation_notified": True})
        return cases

    # ------------------------------------------------------------ case file
    def _case_file_orientations(self):
        """The path of the carnet for the case file: its orientations
        (searched, not read through the carnet: an EP member reads these
        records of the carnets of his cases, not the carnet)."""
        self.ensure_one()
        return self.env["rsa.orientation"].search(
            [("notebook_id", "=", self.notebook_id.id)], order="date_decision, id")

    def _case_file_chart(self):
        """The evolution of the carnet's agreed assessments."""
        self.ensure_one()
        return self.env["rsa.ede.assessment"].search(
            [("notebook_id", "=", self.notebook_id.id)])._chart_data()

    # ------------------------------------------------------------- others
    def _notify_referent(self):
        body = _("EP case %s: %s (opinion: %s).") % (
            self.name, selection_label(self, "decision"), selection_label(self, "opinion"))
        self.message_post(body=body, subtype="mail.mt_comment",
                          partner_ids=self.referent_id.partner_id.ids)
        self.notebook_id.message_post(body=body)

    @api.multi
    def action_cancel(self):
        """Withdraw a case not decided yet (who may propose it); a first
        orientation proposed goes back to its draft."""
        for case in self:
            case.notebook_id._cdb_check(PERM_PROPOSE)
            if case.state not in OPEN_STATES:
                raise UserError(_("Only a case not decided yet can be cancelled."))
        self._workflow_write({"state": CANCELLED})
        self.mapped("proposal_id")._workflow_write({"state": ORIENTATION_DRAFT,
                                                    "ep_case_id": False})
        self.env["cdb.notebook"]._cdb_close_decision_tasks(self)
        return True
