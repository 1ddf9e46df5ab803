from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..settings import (EP_OPINION_REQUIRED, FIRST_FAILURE_MAX_MONTHS, FIRST_FAILURE_MIN_MONTHS,
                        HOUSEHOLD_RATE_CAP, OBSERVATION_DELAY_DAYS, REPEATED_FAILURE_MAX_MONTHS,
                        SUSPENSION_RATE_MAX, SUSPENSION_RATE_MIN)

# The carnet's permissions (cdb.notebook._cdb_permissions of this module).
PERM_REPORT_FAILURE = "report_failure"
PERM_DECIDE_SANCTION = "decide_sanction"
PERM_REMOBILISE = "remobilise"

# Décret du 30 mai 2025: what the person failed to do.
KINDS = [
    ("refusal", "Refusal to draw up or update the contrat d'engagement"),
    ("not_respected", "Contrat d'engagement not respected"),
    ("absence", "Absence at an appointment"),
    ("other", "Other failure"),
]
# The stages of a manquement, each word defined once.
DRAFT, INVITED, OBSERVED, SUSPENDED, REMOVED, CLOSED, REMOBILISED, SERVED = (
    "draft", "invited", "observed", "suspended", "removed", "closed", "remobilised", "served")
STATES = [
    (DRAFT, "Recorded"),
    (INVITED, "Invited to present observations"),
    (OBSERVED, "Observations received"),
    (SUSPENDED, "Allowance suspended"),
    (REMOVED, "Removed from the RSA"),
    (CLOSED, "Closed without sanction"),
    (REMOBILISED, "Remobilised"),
    (SERVED, "Suspension served"),
]
# Waiting for the delegate's decision.
TO_DECIDE_STATES = (INVITED, OBSERVED)
# A sanction decided (what makes a later failure a repeated one).
SANCTION_STATES = (SUSPENDED, REMOVED, REMOBILISED, SERVED)
DECISIONS = [
    ("none", "No sanction"),
    ("suspension", "Suspension of the allowance"),
    ("removal", "Removal from the RSA"),
]
FIRST, REPEATED = "first", "repeated"
RANKS = [(FIRST, "First failure"), (REPEATED, "Repeated or persisting failure")]
REMOBILISATION_REASONS = [
    ("contract_signed", "Contrat d'engagement signed"),
    ("activities_resumed", "Activities resumed"),
]


class RsaManquement(models.Model):
    """A manquement of a person to their duties and its suspension-
    remobilisation (loi n° 2023-1196 pour le plein emploi; décret du 30 mai
    2025, in force on 1 June 2025).

    Recorded by the référent (or a delegate) with its kind, facts and date
    and whether a legitimate reason was given; **before any sanction** the
    person is invited to present observations (letter, delay of the
    settings), their answer is recorded, an EP opinion when the settings ask
    for it; then a delegate of the President decides: no sanction, a
    suspension of SUSPENSION_RATE_MIN–MAX % (at most HOUSEHOLD_RATE_CAP % for
    a household of more than one person) for FIRST_FAILURE_MIN–MAX months for
    a first failure, up to REPEATED_FAILURE_MAX months or a removal for a
    repeated or persisting one. When the person re-engages (contract
    signed, activities resumed) the suspension ends and the sums withheld
    are due back: remobilisation, told to the CAF/MSA by a notice.

    Every stage, decision, rate and date is a workflow field: it changes
    only through the actions, which check the carnet's policy."""

    _name = "rsa.manquement"
    _description = "Failure to the duties (suspension-remobilisation)"
    _inherit = ["cdb.workflow.mixin", "cdb.notebook.part.mixin", "cdb.numbered.mixin",
                "mail.thread", "mail.activity.mixin"]
    _order = "date_failure desc, id desc"
    _sequence_code = "rsa.manquement"
    _workflow_fields = (
        "name", "state", "invitation_date", "observation_deadline", "observations_date",
        "ep_opinion_date", "decision", "failure_rank", "rate", "months", "household_size",
        "suspension_start", "decision_date", "decision_user_id", "remobilisation_date",
        "remobilisation_reason", "amount_withheld", "caf_notice_date")
    _workflow_locked_fields = (
        "notebook_id", "contract_id", "kind", "facts", "date_failure", "legitimate_reason",
        "legitimate_reason_text", "persisting", "observations", "ep_opinion", "decision_motive")

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="restrict", index=True)
    beneficiary_id = fields.Many2one(
        related="notebook_id.beneficiary_id", store=True, readonly=True)
    contract_id = fields.Many2one(
        "cer.contract", "Contract", ondelete="restrict",
        domain="[('notebook_id', '=', notebook_id)]")
    kind = fields.Selection(KINDS, required=True, track_visibility="onchange")
    facts = fields.Text(required=True)
    date_failure = fields.Date("Date of the failure", required=True,
                               default=fields.Date.context_today)
    legitimate_reason = fields.Boolean(
        "A legitimate reason was given",
        help="The person gave a reason for the failure; the delegate weighs it.")
    legitimate_reason_text = fields.Text("Reason given")
    persisting = fields.Boolean(
        "Persisting failure", help="The failure goes on after a first decision.")
    state = fields.Selection(STATES, default=DRAFT, required=True, readonly=True, index=True,
                             track_visibility="onchange")
    invitation_date = fields.Date("Invited on", readonly=True)
    observation_deadline = fields.Date("Observations until", readonly=True)
    observations = fields.Text("Observations of the person")
    observations_date = fields.Date("Observations received on", readonly=True)
    ep_opinion = fields.Text("Opinion of the équipe pluridisciplinaire")
    ep_opinion_date = fields.Date("EP opinion on", readonly=True)
    decision = fields.Selection(DECISIONS, readonly=True, track_visibility="onchange")
    failure_rank = fields.Selection(RANKS, "Failure", readonly=True)
    rate = fields.Integer("Suspended share of the allowance (%)", readonly=True,
                          track_visibility="onchange")
    months = fields.Integer("Duration (months)", readonly=True, track_visibility="onchange")
    household_size = fields.Integer("Persons in the household", readonly=True)
    suspension_start = fields.Date("Suspended from", readonly=True)
    suspension_end = fields.Date("Suspended until", compute="_compute_suspension_end",
                                 store=True)
    decision_motive = fields.Text("Motive of the decision")
    decision_date = fields.Date("Decided on", readonly=True)
    decision_user_id = fields.Many2one("res.users", "Decided by", readonly=True)
    remobilisation_date = fields.Date("Remobilised on", readonly=True)
    remobilisation_reason = fields.Selection(REMOBILISATION_REASONS, "Re-engagement",
                                             readonly=True)
    amount_withheld = fields.Float("Sums withheld, due back (€)", digits=(12, 2),
                                   readonly=True)
    caf_notice_date = fields.Date("Notice to the CAF/MSA on", readonly=True)
    is_deadline_passed = fields.Boolean(
        "Delay of the observations over", compute="_compute_is_deadline_passed")

    # -------------------------------------------------------- state words
    def _is_draft(self):
        self.ensure_one()
        return self.state == DRAFT

    def _workflow_is_locked(self):
        """The facts are fixed by the invitation; the answer and the EP's
        opinion by the decision."""
        if self.state == DRAFT:
            return False
        return True

    def _check_workflow_write(self, vals):
        """The observations and the EP opinion are written until the
        decision (the other locked fields are fixed at the invitation)."""
        open_fields = {"observations", "ep_opinion", "decision_motive"}
        if self.filtered(lambda m: m.state not in TO_DECIDE_STATES) or \
                set(vals) & set(self._workflow_locked_fields) - open_fields:
            return super()._check_workflow_write(vals)
        return super()._check_workflow_write(
            {key: value for key, value in vals.items() if key not in open_fields})

    @api.model
    def _to_decide_domain(self):
        return [("state", "in", TO_DECIDE_STATES)]

    @api.model
    def _sanctioned_domain(self):
        return [("state", "in", SANCTION_STATES)]

    @api.depends("suspension_start", "months")
    def _compute_suspension_end(self):
        for record in self:
            if record.suspension_start and record.months:
                record.suspension_end = fields.Date.to_string(
                    fields.Date.from_string(record.suspension_start)
                    + relativedelta(months=record.months) - timedelta(days=1))
            else:
                record.suspension_end = False

    def _compute_is_deadline_passed(self):
        today = fields.Date.context_today(self)
        for record in self:
            record.is_deadline_passed = bool(record.observation_deadline) and \
                record.observation_deadline < today

    # ---------------------------------------------------------------- CRUD
    @api.model
    def create(self, vals):
        self.env["cdb.notebook"].browse(vals.get("notebook_id"))._cdb_check(PERM_REPORT_FAILURE)
        record = super().create(vals)
        record._check_contract_of_notebook()
        return record

    @api.multi
    def write(self, vals):
        if not self._in_workflow_transition():
            for record in self:
                record.notebook_id._cdb_check(PERM_REPORT_FAILURE)
        result = super().write(vals)
        self._check_contract_of_notebook()
        return result

    def _check_contract_of_notebook(self):
        for record in self:
            if record.contract_id and record.contract_id.notebook_id != record.notebook_id:
                raise ValidationError(_("The contract belongs to another carnet."))

    @api.multi
    def unlink(self):
        for record in self:
            record.notebook_id._cdb_check(PERM_REPORT_FAILURE)
            if not record._is_draft():
                raise UserError(_("A failure the person was told of is kept with the carnet."))
        return super().unlink()

    # ----------------------------------------------- invitation, observations
    @api.multi
    def action_invite(self):
        """"Avant toute décision", the invitation to present observations
        within the delay of the settings (the letter prints from the
        form)."""
        delay = OBSERVATION_DELAY_DAYS.get(self.env)
        today = fields.Date.context_today(self)
        for record in self:
            record.notebook_id._cdb_check(PERM_REPORT_FAILURE)
            if not record._is_draft():
                raise UserError(_("The person is already invited to present observations."))
        self._workflow_write({
            "state": INVITED, "invitation_date": today,
            "observation_deadline": fields.Date.to_string(
                fields.Date.from_string(today) + timedelta(days=delay))})
        return True

    @api.multi
    def action_record_observations(self):
        """The answer of the person, written in ``observations``."""
        for record in self:
            record.notebook_id._cdb_check(PERM_REPORT_FAILURE)
            if record.state != INVITED:
                raise UserError(_("Observations are recorded after the invitation."))
            if not (record.observations or "").strip():
                raise UserError(_("Write the observations of the person first."))
        self._workflow_write({"state": OBSERVED,
                              "observations_date": fields.Date.context_today(self)})
        return True

    @api.multi
    def action_record_ep_opinion(self):
        """The opinion of the équipe pluridisciplinaire (optional unless
        the settings ask for it), written in ``ep_opinion``."""
        for record in self:
            record.notebook_id._cdb_check(PERM_DECIDE_SANCTION)
            if record.state not in TO_DECIDE_STATES:
                raise UserError(_("The EP's opinion comes before the decision."))
            if not (record.ep_opinion or "").strip():
                raise UserError(_("Write the opinion of the équipe pluridisciplinaire first."))
        self._workflow_write({"ep_opinion_date": fields.Date.context_today(self)})
        return True

    # ------------------------------------------------------------ decision
    def _is_repeated(self):
        """A failure after a sanction decided in the same carnet, or said
        persisting: repeated or persisting."""
        self.ensure_one()
        if self.persisting:
            return True
        # sudo: every sanction of the carnet counts, whoever may read it
        return bool(self.sudo().search_count(self._sanctioned_domain() + [
            ("notebook_id", "=", self.notebook_id.id), ("id", "!=", self.id),
            ("decision_date", "<=", fields.Date.context_today(self))]))

    def _household_size(self):
        # sudo: the household comes from the CAF/MSA flux on the beneficiary
        return self.sudo().beneficiary_id.rsa_household_size or 1

    def _check_can_decide(self):
        self.notebook_id._cdb_check(PERM_DECIDE_SANCTION)
        if self.state not in TO_DECIDE_STATES:
            raise UserError(_(
                "A decision comes after the invitation to present observations, once."))
        if self.state == INVITED and not self.is_deadline_passed:
            raise UserError(_(
                "The person may present observations until %s: record their answer, or "
                "decide after that date.") % self.observation_deadline)
        if EP_OPINION_REQUIRED.get(self.env) and not self.ep_opinion_date:
            raise UserError(_("The settings ask for the opinion of the équipe "
                              "pluridisciplinaire before the decision: record it first."))

    def _check_sanction(self, decision, rate, months, repeated, household_size):
        """Décret du 30 mai 2025, every boundary from the settings."""
        if decision == "removal" and not repeated:
            raise ValidationError(_(
                "A removal from the RSA is decided only for a repeated or persisting "
                "failure."))
        if decision != "suspension":
            return
        rate_min, rate_max = SUSPENSION_RATE_MIN.get(self.env), SUSPENSION_RATE_MAX.get(self.env)
        if not rate_min <= rate <= rate_max:
            raise ValidationError(_(
                "The suspension is from %d %% to %d %% of the allowance.") % (rate_min, rate_max))
        cap = HOUSEHOLD_RATE_CAP.get(self.env)
        if household_size > 1 and rate > cap:
            raise ValidationError(_(
                "The household counts %d persons: the suspension is at most %d %% of the "
                "allowance.") % (household_size, cap))
        min_months = FIRST_FAILURE_MIN_MONTHS.get(self.env)
        max_months = REPEATED_FAILURE_MAX_MONTHS.get(self.env) if repeated else \
            FIRST_FAILURE_MAX_MONTHS.get(self.env)
        if not min_months <= months <= max_months:
            raise ValidationError(_(
                "For a %s the suspension lasts from %d to %d months.") % (
                _("repeated or persisting failure") if repeated else _("first failure"),
                min_months, max_months))

    def _decide(self, decision, rate=0, months=0, date_start=None, motive=None):
        """The decision of a delegate of the President: ``decision`` in
        DECISIONS, the suspended share (%) and its months from
        ``date_start`` (default: the day of the decision), with its
        ``motive`` (or the one written on the failure)."""
        self.ensure_one()
        self._check_can_decide()
        if (motive or "").strip():
            self._workflow_write({"decision_motive": motive})
        if decision not in dict(DECISIONS):
            raise ValidationError(_("Choose the decision."))
        repeated = self._is_repeated()
        household_size = self._household_size()
        self._check_sanction(decision, rate, months, repeated, household_size)
        if decision != "none" and not (self.decision_motive or "").strip():
            raise UserError(_("Give the motive of the sanction."))
        today = fields.Date.context_today(self)
        suspension = decision == "suspension"
        self._workflow_write({
            "state": {"none": CLOSED, "suspension": SUSPENDED, "removal": REMOVED}[decision],
            "decision": decision,
            "failure_rank": REPEATED if repeated else FIRST,
            "rate": rate if suspension else (100 if decision == "removal" else 0),
            "months": months if suspension else 0,
            "household_size": household_size,
            "suspension_start": (date_start or today) if suspension else False,
            "decision_date": today,
            "decision_user_id": self.env.uid,
        })
        self.message_post(body=_("Decision: %s.") % dict(
            self._fields["decision"]._description_selection(self.env))[decision])
        return True

    # ------------------------------------------------------ remobilisation
    def _remobilise(self, reason, amount_withheld=0.0, day=None):
        """The person re-engages: the suspension ends on ``day`` (today by
        default) and the sums withheld are due back."""
        self.ensure_one()
        self.notebook_id._cdb_check(PERM_REMOBILISE)
        if self.state != SUSPENDED:
            raise UserError(_("Only a running suspension ends by a remobilisation."))
        if reason not in dict(REMOBILISATION_REASONS):
            raise ValidationError(_("Say how the person re-engaged."))
        if amount_withheld < 0:
            raise ValidationError(_("The sums withheld are a positive amount."))
        day = day or fields.Date.context_today(self)
        if day < self.suspension_start:
            raise ValidationError(_("The remobilisation comes after the start of the "
                                    "suspension."))
        self._workflow_write({"state": REMOBILISED, "remobilisation_date": day,
                              "remobilisation_reason": reason,
                              "amount_withheld": amount_withheld})
        self.message_post(body=_("Remobilisation: the suspension ends, the sums withheld "
                                 "are due back; notice to the CAF/MSA to send."))
        return True

    @api.model
    def _remobilise_on_contract(self, notebooks):
        """A contrat d'engagement signed in a suspended carnet remobilises
        the person (the référent signed: policy ``sign``)."""
        suspended = self.search([("notebook_id", "in", notebooks.ids), ("state", "=", SUSPENDED)])
        for record in suspended:
            if record.notebook_id._cdb_may(PERM_REMOBILISE):
                record._remobilise("contract_signed")
        return suspended

    # -------------------------------------------------------------- letters
    @api.multi
    def action_print_invitation(self):
        for record in self:
            record.notebook_id._cdb_check(PERM_REPORT_FAILURE)
            if record._is_draft():
                raise UserError(_("Invite the person first: the letter states the delay."))
        return self.env.ref("rsa_engagement.action_report_invitation").report_action(self)

    @api.multi
    def action_print_decision(self):
        for record in self:
            record.notebook_id._cdb_check(PERM_REPORT_FAILURE)
            if not record.decision:
                raise UserError(_("No decision yet."))
        return self.env.ref("rsa_engagement.action_report_decision").report_action(self)

    @api.multi
    def action_print_remobilisation(self):
        """The notice to the CAF/MSA; its first print is dated."""
        for record in self:
            record.notebook_id._cdb_check(PERM_REMOBILISE)
            if record.state != REMOBILISED:
                raise UserError(_("The person is not remobilised."))
        self.filtered(lambda r: not r.caf_notice_date)._workflow_write(
            {"caf_notice_date": fields.Date.context_today(self)})
        return self.env.ref("rsa_engagement.action_report_remobilisation").report_action(self)

    # ---------------------------------------------------------------- cron
    @api.model
    def _cron_end_served_suspensions(self):
        """Daily: a suspension past its last day without a remobilisation is
        served (the allowance is paid in full again)."""
        today = fields.Date.context_today(self)
        served = self.search([("state", "=", SUSPENDED), ("suspension_end", "<", today)])
        served._workflow_write({"state": SERVED})
        for record in served:
            record.message_post(body=_("The suspension ended on %s.") % record.suspension_end)
        return served

    # ------------------------------------------------------------- dialogs
    @api.multi
    def action_open_decision(self):
        self.ensure_one()
        self._check_can_decide()
        return self._dialog("rsa.sanction.decision.wizard", _("Decide on the failure"))

    @api.multi
    def action_open_remobilisation(self):
        self.ensure_one()
        self.notebook_id._cdb_check(PERM_REMOBILISE)
        return self._dialog("rsa.remobilisation.wizard", _("Record the remobilisation"))

    def _dialog(self, model, name):
        return {"type": "ir.actions.act_window", "res_model": model, "view_mode": "form",
                "name": name, "target": "new",
                "context": {"default_manquement_id": self.id}}
