from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cdb_base.tools import format_date, selection_label
from odoo.addons.cer_contracts.models.rsa_orientation import orientation_signatures
from odoo.addons.rsa_orientation.models.cdb_notebook import PERM_DECIDE
from odoo.addons.rsa_orientation.models.rsa_orientation import (
    DECIDED, DRAFT, GUIDE, RsaOrientation as GuideOrientation)
from odoo.addons.rsa_orientation.settings import NEW_REGIME_DATE

from ..settings import CONTRACT_DELAY_MONTHS, JOINT_DIAGNOSTIC_MAX_MONTHS, JOINT_DIAGNOSTIC_MONTHS
from .rsa_orientation_criteria import (
    BARRIERS, EMPLOYMENT_SITUATIONS, IMPACTS, PROJECTIONS, QUALIFICATIONS, proposed_code)

# The criteria shown and typed on the orientation form (related fields
# "criteria_<name>" to the orientation's record of criteria).
CRITERIA_FIELDS = ("employment_situation", "qualification", "projection", "other_barrier") + \
    tuple("%s_impact" % name for name in BARRIERS)
EXTENSION_REASONS = [
    ("health", "Health"),
    ("housing", "Housing"),
    ("training", "Training or action under way"),
    ("other", "Other"),
]
_CRITERIA = {"compute": "_compute_criteria_values", "inverse": "_inverse_criteria_values"}
# Who may extend the joint diagnostic's delay: the decision's authors.
JOINT_DIAGNOSTIC_EXTENSION_FIELDS = (
    "joint_diagnostic_extension_months", "joint_diagnostic_extension_reason",
    "joint_diagnostic_extension_note")


# Orientations of the law notified whose month is over: passed, or a
# contract signed (the dashboard's population); and among them those whose
# first contract was signed within the month.
CONTRACT_MONTH_OVER_SQL = """
SELECT o.id FROM rsa_orientation o LEFT JOIN ({signatures}) s ON s.orientation_id = o.id
 WHERE o.regime = 'law' AND o.law_contract_due_date IS NOT NULL
   AND (o.law_contract_due_date < %(today)s OR s.signed IS NOT NULL)
""".format(signatures=orientation_signatures())
CONTRACT_IN_TIME_SQL = CONTRACT_MONTH_OVER_SQL + " AND s.signed <= o.law_contract_due_date"
# The same, among given orientations (%(ids)s).
AMONG_IDS = {query: query + " AND o.id IN %(ids)s"
             for query in (CONTRACT_MONTH_OVER_SQL, CONTRACT_IN_TIME_SQL)}


def _add_months(day, months):
    return fields.Date.to_string(fields.Date.from_string(day) + relativedelta(months=months))


class RsaOrientation(models.Model):
    """The orientation under the law in force (loi n° 2023-1196 du 18
    décembre 2023 pour le plein emploi; décret n° 2024-1244 du 30 décembre
    2024; arrêté du 21 novembre 2024 on the national orientation criteria).

    An orientation **follows the law** when it is decided on or after the
    date of the new regime (rsa_orientation's ``_follows_law`` and
    ``regime``, from the setting ``NEW_REGIME_DATE``); before, it follows
    the guide (seed 003), unchanged, and designates no parcours. Under the
    law:

    - the parcours and an organisme référent offering it are required to
      decide (server check); the guide's ``orientation_type`` is derived
      from them;
    - the national criteria (``rsa.orientation.criteria``) propose a
      parcours; deciding another one needs a reason;
    - the decision is **notified** (``action_notify``, a delegate): the
      contract is due 1 month (``CONTRACT_DELAY_MONTHS``) after the
      notification (``contract_deadline`` and ``law_contract_due_date``),
      instead of the guide's 1 or 2 months after the decision; a new
      orientation starts its own deadline;
    - in a parcours with a joint diagnostic (social), the diagnostic is due
      ``JOINT_DIAGNOSTIC_MONTHS`` after the decision, extendable up to
      ``JOINT_DIAGNOSTIC_MAX_MONTHS`` with a reason; the guide's automatic
      EP referral at 12 months does not apply (``_solidarity_limit_domain``).
    """

    _inherit = "rsa.orientation"
    _workflow_fields = GuideOrientation._workflow_fields + ("notification_date",)
    _workflow_locked_fields = GuideOrientation._workflow_locked_fields + (
        "parcours_id", "parcours_reason", "criteria_id") + tuple(
            "criteria_" + name for name in CRITERIA_FIELDS)

    parcours_id = fields.Many2one(
        "rsa.parcours", "Parcours", track_visibility="onchange", index=True,
        help="Loi pour le plein emploi: the parcours (emploi, socio-professionnel, social), "
             "required to decide an orientation under the law.")
    basis = fields.Selection(selection_add=[("criteria", "National orientation criteria")])
    criteria_id = fields.Many2one(
        "rsa.orientation.criteria", "National criteria", readonly=True, copy=False,
        ondelete="set null")
    proposed_parcours_id = fields.Many2one(
        "rsa.parcours", "Parcours proposed by the criteria",
        compute="_compute_proposed_parcours_id",
        help="The national criteria's proposal (rule: rsa.orientation.criteria).")
    parcours_differs = fields.Boolean(
        "Differs from the proposal", compute="_compute_parcours_differs")
    parcours_reason = fields.Text(
        "Reason for another parcours than the proposal", track_visibility="onchange")
    # The criteria as the form shows and types them (read and written as
    # the user: the criteria's own rules and sharing choices apply).
    criteria_employment_situation = fields.Selection(
        EMPLOYMENT_SITUATIONS, "Situation with regard to employment", **_CRITERIA)
    criteria_qualification = fields.Selection(QUALIFICATIONS, "Qualification", **_CRITERIA)
    criteria_projection = fields.Selection(
        PROJECTIONS, "Able to project oneself into an employment path", **_CRITERIA)
    criteria_health_impact = fields.Selection(IMPACTS, "Health", **_CRITERIA)
    criteria_housing_impact = fields.Selection(IMPACTS, "Housing", **_CRITERIA)
    criteria_mobility_impact = fields.Selection(IMPACTS, "Mobility", **_CRITERIA)
    criteria_childcare_impact = fields.Selection(IMPACTS, "Childcare", **_CRITERIA)
    criteria_caregiver_impact = fields.Selection(IMPACTS, "Caring for a relative", **_CRITERIA)
    criteria_other_impact = fields.Selection(IMPACTS, "Other barrier", **_CRITERIA)
    criteria_other_barrier = fields.Char("Other barrier (which)", **_CRITERIA)
    ede_total_points = fields.Integer("EDE total (points)", compute="_compute_ede_figures")
    ede_proposed_orientation = fields.Char("EDE proposal", compute="_compute_ede_figures")
    # ------------------------------------------------ notification, contract
    notification_date = fields.Date(
        "Notified on", track_visibility="onchange", copy=False,
        help="Set by the button \"Notify\" (a delegate of the President).")
    law_contract_due_date = fields.Date(
        "Contract due (law)", compute="_compute_law_contract_due_date", store=True,
        index=True,
        help="Loi pour le plein emploi: the contract is due one month (a setting) after "
             "the notification of the orientation.")
    law_contract_overdue = fields.Boolean(
        "Contract overdue (law)", compute="_compute_law_contract_overdue",
        search="_search_law_contract_overdue")
    law_contract_month_over = fields.Boolean(
        "Contract month over", compute="_compute_law_contract_figures",
        search="_search_law_contract_month_over")
    law_contract_in_time = fields.Boolean(
        "Contract signed within the month", compute="_compute_law_contract_figures",
        search="_search_law_contract_in_time")
    # ---------------------------------------------------- joint diagnostic
    joint_diagnostic_required = fields.Boolean(
        related="parcours_id.joint_diagnostic", readonly=True, string="Joint diagnostic")
    joint_diagnostic_extension_months = fields.Integer(
        "Extension of the joint diagnostic's delay (months)", track_visibility="onchange")
    joint_diagnostic_extension_reason = fields.Selection(
        EXTENSION_REASONS, "Reason for the extension", track_visibility="onchange")
    joint_diagnostic_extension_note = fields.Text("Reason for the extension (details)")
    joint_diagnostic_due_date = fields.Date(
        "Joint diagnostic due", compute="_compute_joint_diagnostic_due_date", store=True,
        index=True)
    joint_diagnostic_date = fields.Date("Joint diagnostic done on", track_visibility="onchange")

    @api.multi
    def name_get(self):
        """An orientation under the law is named by its parcours."""
        law = self.filtered("parcours_id")
        names = dict(super(RsaOrientation, self - law).name_get())
        for orientation in law:
            names[orientation.id] = "%s – %s" % (
                orientation.parcours_id.name,
                format_date(orientation.date_decision) or _("draft"))
        return [(orientation.id, names[orientation.id]) for orientation in self]

    # ----------------------------------------------------------- computes
    @api.model
    def _fast_computed_fields(self):
        return super()._fast_computed_fields() + (
            "law_contract_due_date", "joint_diagnostic_due_date")

    @api.model
    def _fast_computed_inputs(self):
        return super()._fast_computed_inputs() + (
            "parcours_id", "notification_date", "joint_diagnostic_extension_months")

    @api.model
    def _setting_dependent_fields(self):
        """The law's due dates follow their delays and the regime's date."""
        result = super()._setting_dependent_fields()
        result[NEW_REGIME_DATE.key] = result.get(NEW_REGIME_DATE.key, []) + [
            "contract_deadline", "law_contract_due_date"]
        result[CONTRACT_DELAY_MONTHS.key] = ["contract_deadline", "law_contract_due_date"]
        result[JOINT_DIAGNOSTIC_MONTHS.key] = ["joint_diagnostic_due_date"]
        return result

    @api.depends("criteria_id", *["criteria_id." + name for name in CRITERIA_FIELDS])
    def _compute_criteria_values(self):
        for orientation in self:
            criteria = orientation.criteria_id
            readable = criteria._cdb_readable()
            for name in CRITERIA_FIELDS:
                if readable:
                    orientation["criteria_" + name] = criteria[name]
                elif not criteria and name.endswith("_impact") and \
                        orientation.state in (DRAFT, False):
                    # a proposal without criteria yet: no barrier typed
                    orientation["criteria_" + name] = "none"
                else:
                    orientation["criteria_" + name] = False

    def _inverse_criteria_values(self):
        """Nothing here: ``create`` and ``write`` take the criteria out of
        the values and write them at once on the record of criteria (an
        inverse per field would read the other fields back, recomputed from
        the record, and lose the values typed with them)."""
        return True

    @api.depends(*["criteria_" + name for name in CRITERIA_FIELDS])
    def _compute_proposed_parcours_id(self):
        """From the criteria as the form shows them (the proposal follows
        the typing, before the record is saved)."""
        Parcours = self.env["rsa.parcours"]
        for orientation in self:
            code = proposed_code(lambda name, o=orientation: o["criteria_" + name])
            orientation.proposed_parcours_id = Parcours._by_code(code) if code else False

    @api.depends("assessment_id")
    def _compute_ede_figures(self):
        """The guide's EDE beside the criteria, as the user may read it (the
        beneficiary's sharing choices apply to the assessment)."""
        for orientation in self:
            assessment = orientation.assessment_id
            try:
                assessment.check_access_rights("read")
                assessment.check_access_rule("read")
                readable = bool(assessment)
            except AccessError:
                readable = False
            orientation.ede_total_points = assessment.total_points if readable else 0
            orientation.ede_proposed_orientation = selection_label(
                assessment, "proposed_orientation") if readable else False

    @api.depends("parcours_id", "proposed_parcours_id")
    def _compute_parcours_differs(self):
        for orientation in self:
            orientation.parcours_differs = orientation._parcours_differs()

    def _parcours_differs(self):
        return bool(self.parcours_id and self.proposed_parcours_id and
                    self.parcours_id != self.proposed_parcours_id)

    @api.depends("date_decision", "sphere", "notification_date", "regime")
    def _compute_contract_deadline(self):
        """Under the law, one month after the notification (none before
        it); under the guide, its deadline after the decision."""
        law = self.filtered(lambda o: o._follows_law())
        for orientation in law:
            orientation.contract_deadline = orientation._law_deadline()
        return super(RsaOrientation, self - law)._compute_contract_deadline()

    def _law_deadline(self):
        if not self.notification_date:
            return False
        return _add_months(self.notification_date, CONTRACT_DELAY_MONTHS.get(self.env))

    @api.depends("notification_date", "regime")
    def _compute_law_contract_due_date(self):
        for orientation in self:
            orientation.law_contract_due_date = \
                orientation._follows_law() and orientation._law_deadline()

    def _compute_law_contract_overdue(self):
        today = fields.Date.context_today(self)
        for orientation in self:
            orientation.law_contract_overdue = bool(
                orientation._is_current() and orientation.law_contract_due_date and
                orientation.law_contract_due_date < today and not orientation.contract_signed)

    def _search_law_contract_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        overdue = ["&", "&", ("state", "=", DECIDED), ("law_contract_due_date", "<", today),
                   "!", self._signed_contract_leaf()]
        if (operator == "=") == bool(value):
            return overdue
        return ["!"] + overdue

    def _contract_figure_ids(self, query):
        if not self.ids:
            return set()
        self.env.cr.execute(AMONG_IDS[query], {
            "today": fields.Date.context_today(self), "ids": tuple(self.ids)})
        return {row[0] for row in self.env.cr.fetchall()}

    def _compute_law_contract_figures(self):
        over = self._contract_figure_ids(CONTRACT_MONTH_OVER_SQL)
        in_time = self._contract_figure_ids(CONTRACT_IN_TIME_SQL)
        for orientation in self:
            orientation.law_contract_month_over = orientation.id in over
            orientation.law_contract_in_time = orientation.id in in_time

    def _contract_figure_leaf(self, query, operator, value):
        # a module constant, its value bound by psycopg2
        subselect = self.env.cr.mogrify(
            query, {"today": fields.Date.context_today(self)}).decode()
        leaf = ("id", "inselect", (subselect, ()))
        return [leaf] if (operator == "=") == bool(value) else ["!", leaf]

    def _search_law_contract_month_over(self, operator, value):
        return self._contract_figure_leaf(CONTRACT_MONTH_OVER_SQL, operator, value)

    def _search_law_contract_in_time(self, operator, value):
        return self._contract_figure_leaf(CONTRACT_IN_TIME_SQL, operator, value)

    @api.depends("date_decision", "parcours_id", "joint_diagnostic_extension_months")
    def _compute_joint_diagnostic_due_date(self):
        months = JOINT_DIAGNOSTIC_MONTHS.get(self.env)
        for orientation in self:
            if orientation.parcours_id.joint_diagnostic and orientation.date_decision:
                orientation.joint_diagnostic_due_date = _add_months(
                    orientation.date_decision,
                    months + (orientation.joint_diagnostic_extension_months or 0))
            else:
                orientation.joint_diagnostic_due_date = False

    # -------------------------------------------------------- the parcours
    @staticmethod
    def _law_orientation_type(parcours, organism):
        """The guide's orientation type of a parcours: the solidarity sphere,
        or the professional sphere with France Travail or another organism."""
        if parcours.sphere == "solidarity":
            return "solidarity"
        if organism.cdb_organism_kind == "france_travail":
            return "professional_ft"
        return "professional_other"

    @api.onchange("parcours_id", "organism_id")
    def _onchange_parcours_id(self):
        """Under the law: the organismes référents offering the parcours."""
        if not self.parcours_id:
            return {"domain": {"organism_id": [("cdb_is_structure", "=", True)]}}
        self.orientation_type = self._law_orientation_type(self.parcours_id, self.organism_id)
        if self.basis == "default":
            self.basis = "criteria"
        if self.organism_id and self.parcours_id not in self.organism_id.cdb_parcours_ids:
            self.organism_id = False
        return {"domain": {"organism_id": [("cdb_is_organisme_referent", "=", True),
                                           ("cdb_parcours_ids", "in", self.parcours_id.ids)]}}

    def _with_orientation_type(self, vals, parcours, organism):
        if parcours:
            vals["orientation_type"] = self._law_orientation_type(parcours, organism)
        return vals

    # ---------------------------------------------------- create and write
    @api.model
    def create(self, vals):
        """A proposal under the law gets its record of criteria (typed on
        the form through the ``criteria_*`` fields)."""
        vals = dict(vals)
        criteria_vals = {name: vals.pop("criteria_" + name) for name in CRITERIA_FIELDS
                         if "criteria_" + name in vals}
        parcours = self.env["rsa.parcours"].browse(vals.get("parcours_id"))
        organism = self.env["res.partner"].browse(vals.get("organism_id"))
        typed = any(value not in (False, None, "none") for value in criteria_vals.values())
        if parcours and typed and vals.get("basis", "default") == "default":
            vals["basis"] = "criteria"
        orientation = super().create(self._with_orientation_type(vals, parcours, organism))
        if orientation.state == DRAFT and (typed or parcours):
            orientation._ensure_criteria(criteria_vals)
        return orientation

    def _ensure_criteria(self, values=None):
        """The orientation's record of criteria, created when missing."""
        self.ensure_one()
        if self.criteria_id:
            if values:
                self.criteria_id.write(values)
            return self.criteria_id
        criteria = self.env["rsa.orientation.criteria"].create(dict(
            values or {}, notebook_id=self.notebook_id.id, orientation_id=self.id))
        super(RsaOrientation, self).write({"criteria_id": criteria.id})
        return criteria

    @api.multi
    def write(self, vals):
        self._check_extension_write(vals)
        vals = dict(vals)
        criteria_vals = {name: vals.pop("criteria_" + name) for name in CRITERIA_FIELDS
                         if "criteria_" + name in vals}
        if criteria_vals:
            if not self._in_workflow_transition():
                # the decision freezes them as the other locked fields
                self._check_workflow_write({"criteria_" + name: value
                                            for name, value in criteria_vals.items()})
            for orientation in self:
                orientation._ensure_criteria(criteria_vals)
            if not vals:
                return True
        if ("parcours_id" in vals or "organism_id" in vals) and "orientation_type" not in vals:
            for orientation in self:
                parcours = self.env["rsa.parcours"].browse(
                    vals.get("parcours_id", orientation.parcours_id.id))
                organism = self.env["res.partner"].browse(
                    vals.get("organism_id", orientation.organism_id.id))
                if parcours and orientation.state == DRAFT:
                    super(RsaOrientation, orientation).write(
                        self._with_orientation_type(dict(vals), parcours, organism))
                else:
                    super(RsaOrientation, orientation).write(vals)
            return True
        return super().write(vals)

    def _check_extension_write(self, vals):
        """The delay of the joint diagnostic is extended by the decision's
        authors (the President's delegates)."""
        if any(name in vals for name in JOINT_DIAGNOSTIC_EXTENSION_FIELDS):
            for orientation in self:
                orientation.notebook_id._cdb_check(PERM_DECIDE)

    def _check_criteria_editable(self):
        """The criteria are typed while the orientation is a draft."""
        for orientation in self:
            if orientation.state != DRAFT:
                raise UserError(_("The criteria of a decided orientation no longer change."))

    # ---------------------------------------------------------- constraints
    @api.constrains("parcours_id", "organism_id", "state")
    def _check_parcours_organism(self):
        for orientation in self.filtered("parcours_id"):
            organism = orientation.organism_id
            if organism and orientation.parcours_id not in organism.cdb_parcours_ids:
                raise ValidationError(_(
                    "%s does not offer the parcours \"%s\": choose an organisme référent "
                    "that offers it.") % (organism.name, orientation.parcours_id.name))
            if orientation.state != DRAFT and not organism:
                raise ValidationError(_(
                    "An orientation under the law designates its organisme référent."))

    @api.constrains("parcours_id", "date_decision")
    def _check_parcours_regime(self):
        start = fields.Date.to_string(NEW_REGIME_DATE.get(self.env))
        for orientation in self.filtered("parcours_id"):
            if not orientation._follows_law():
                raise ValidationError(_(
                    "A parcours of the law applies to orientations decided from %s on: "
                    "before, the guide's orientation applies.") % format_date(start))

    @api.constrains("parcours_id", "parcours_reason", "state")
    def _check_parcours_reason(self):
        for orientation in self:
            if orientation.state != DRAFT and orientation._parcours_differs() and \
                    not (orientation.parcours_reason or "").strip():
                raise ValidationError(_(
                    "The decided parcours differs from the one the national criteria "
                    "propose: give the reason."))

    @api.constrains(*JOINT_DIAGNOSTIC_EXTENSION_FIELDS)
    def _check_joint_diagnostic_extension(self):
        base = JOINT_DIAGNOSTIC_MONTHS.get(self.env)
        maximum = JOINT_DIAGNOSTIC_MAX_MONTHS.get(self.env)
        for orientation in self:
            extension = orientation.joint_diagnostic_extension_months or 0
            if extension < 0 or base + extension > maximum:
                raise ValidationError(_(
                    "The joint diagnostic's delay may be extended up to %d months in all.")
                    % maximum)
            if extension and not (orientation.joint_diagnostic_extension_reason and
                                  (orientation.joint_diagnostic_extension_note or "").strip()):
                raise ValidationError(_(
                    "Extending the joint diagnostic's delay needs its reason, typed."))
            if extension and not orientation.parcours_id.joint_diagnostic:
                raise ValidationError(_(
                    "Only a parcours with a joint diagnostic has its delay extended."))

    # -------------------------------------------------------------- decide
    def _check_can_decide(self):
        result = super()._check_can_decide()
        if self._follows_law():
            if not self.parcours_id:
                raise UserError(_(
                    "An orientation decided from %s on follows the loi pour le plein "
                    "emploi: choose its parcours and its organisme référent.")
                    % self._regime_date_text())
            if not self.organism_id:
                raise UserError(_(
                    "An orientation under the law designates its organisme référent."))
            if self._parcours_differs() and not (self.parcours_reason or "").strip():
                raise UserError(_(
                    "The decided parcours differs from the one the national criteria "
                    "propose: give the reason."))
        return result

    def _apply_to_notebook(self):
        """Under the law the carnet's message names the parcours and the
        organism; the contract's month starts at the notification."""
        if not self._follows_law():
            return super()._apply_to_notebook()
        self._apply_referent_of_decision()
        if self.correspondant_id:
            self.notebook_id._add_member(self.correspondant_id, "other")
        return self.notebook_id.message_post(body=_(
            "Orientation decided on %s: parcours %s, organisme référent %s, référent %s. "
            "The contract is due one month after the notification.") % (
            format_date(self.date_decision), self.parcours_id.name, self.organism_id.name,
            self.referent_id.name))

    def _schedule_contract_activity(self):
        """Under the law the contract's month starts at the notification
        (``action_notify``), not at the decision."""
        if self._follows_law():
            return False
        return super()._schedule_contract_activity()

    # -------------------------------------------------------------- notify
    @api.multi
    def action_notify(self):
        """Record the notification of the decision to the beneficiary (a
        delegate of the President): it starts the month of the contract
        under the law."""
        for orientation in self:
            orientation.notebook_id._cdb_check(PERM_DECIDE)
            if orientation.state != DECIDED:
                raise UserError(_("Only the orientation in force is notified."))
            if orientation.notification_date:
                raise UserError(_("This orientation was already notified on %s.")
                                % format_date(orientation.notification_date))
            orientation._workflow_write(
                {"notification_date": fields.Date.context_today(self)})
            orientation._after_notification()
        return True

    def _after_notification(self):
        if self._follows_law():
            self.notebook_id._cdb_schedule_activity(
                "rsa_orientation.mail_activity_type_contract",
                _("Sign the contrat d'engagement (orientation notified on %s)")
                % format_date(self.notification_date),
                self.contract_deadline, self.referent_id)
        self.notebook_id.message_post(body=_("Orientation notified on %s.%s") % (
            format_date(self.notification_date),
            _(" Contract to sign before %s.") % format_date(self.contract_deadline)
            if self.contract_deadline else ""))

    # ------------------------------------------------ joint diagnostic job
    @api.model
    def _joint_diagnostic_due_domain(self):
        return self._current_domain() + [
            ("joint_diagnostic_due_date", "<=", fields.Date.context_today(self)),
            ("joint_diagnostic_date", "=", False)]

    @api.model
    def _cron_joint_diagnostic_due(self):
        """Each orientation in force whose joint diagnostic is due and not
        done gives its référent one activity (idempotent: an orientation
        with this activity is skipped)."""
        activity_type = self.env.ref("rsa_parcours.mail_activity_type_joint_diagnostic")
        # sudo: the job's own bookkeeping (which orientations already have it)
        notified = self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name),
            ("activity_type_id", "=", activity_type.id)]).mapped("res_id")
        # sudo: the job sees every orientation; it only adds an activity
        due = self.sudo().search(self._joint_diagnostic_due_domain() + [
            ("id", "not in", notified), ("referent_id", "!=", False)])
        for orientation in due:
            orientation._cdb_schedule_activity(
                "rsa_parcours.mail_activity_type_joint_diagnostic",
                _("Joint diagnostic with France Travail due on %s")
                % format_date(orientation.joint_diagnostic_due_date),
                orientation.joint_diagnostic_due_date, orientation.referent_id)
        return due

    # -------------------------------------------- the guide's 12-month job
    @api.model
    def _solidarity_limit_domain(self):
        """Under the law the joint diagnostic replaces the guide's automatic
        EP referral at 12 months: only the guide's orientations go."""
        return super()._solidarity_limit_domain() + [("regime", "=", GUIDE)]

    # -------------------------------------------------------------- letter
    @api.multi
    def action_print_notification(self):
        return self.env.ref("rsa_parcours.action_report_orientation_notification") \
            .report_action(self)

    # ----------------------------------------------------- letter helpers
    def _letter_format(self, day):
        return format_date(day)

    def _letter_date(self):
        """The letter is dated from its notification, else from today."""
        return format_date(self.notification_date or fields.Date.context_today(self))

    def _letter_contract_months(self):
        months = CONTRACT_DELAY_MONTHS.get(self.env)
        return "le mois" if months == 1 else "les %d mois" % months
