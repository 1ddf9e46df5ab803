from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.cdb_base.tools import selection_label
from odoo.addons.cer_contracts.models.cer_contract import (
    AT_TERM_STATES, IN_FORCE_STATES, CerContract as GuideContract)
from odoo.addons.rsa_orientation.settings import NEW_REGIME_DATE

from ..settings import (CONVERSION_DEADLINE, ENGAGEMENT_DURATION_MONTHS, ENGAGEMENT_MAX_MONTHS,
                        HOURS_REVIEW_MAX_MONTHS, WEEKLY_HOURS_TARGET)

# The contract of the law in force (loi n° 2023-1196 pour le plein emploi).
ENGAGEMENT = "engagement"
# The contracts of the guide's regime (seed 003): converted by the deadline.
GUIDE_TYPES = ("cer_solidarity", "cer_professional", "ppae")
# The end of a guide's contract replaced by a contrat d'engagement.
CONVERTED = "converted"
# Why the weekly activity may be lower than the target, or nil (the law:
# "pour des raisons de santé, de handicap, de situation de parent isolé sans
# solution de garde ou de proche aidant").
HOURS_REASONS = [
    ("health", "Health"),
    ("disability", "Disability"),
    ("isolated_parent", "Isolated parent without childcare"),
    ("carer", "Caring for a relative"),
    ("other", "Other"),
]


class CerContract(models.Model):
    """The contrat d'engagement of the loi n° 2023-1196 du 18 décembre 2023
    pour le plein emploi, a ``cer.contract`` of its own type beside the
    guide's CER and PPAE: signed with the organisme référent (the structure
    of the référent), its plan d'action is the carnet's actions (PAP lines),
    with a weekly activity of at least 15 hours (a lower target or an
    exemption only with a reason and a review date). Signature, validation,
    renewal and avenants are cer_contracts'.

    The guide's contracts signed before the new regime and still in force
    are converted by the deadline of the settings (``action_convert``): the
    contrat d'engagement carries their plan and its bilan (cer_contracts'
    renewal carry) and the old contract ends when the new one starts."""

    _inherit = "cer.contract"
    _workflow_fields = GuideContract._workflow_fields + ("organisme_id",)
    _workflow_locked_fields = GuideContract._workflow_locked_fields + (
        "weekly_hours_target", "hours_reason", "hours_review_date")

    contract_type = fields.Selection(selection_add=[(ENGAGEMENT, "Contrat d'engagement")])
    end_case = fields.Selection(selection_add=[
        (CONVERTED, "Converted into a contrat d'engagement")])
    organisme_id = fields.Many2one(
        "res.partner", "Organisme référent", readonly=True, copy=False,
        help="The organisme référent the contrat d'engagement is signed with: the one "
             "of the orientation, else the structure of the référent (recorded at the "
             "signature).")
    weekly_hours_target = fields.Float(
        "Weekly activity target (hours)", digits=(6, 1), track_visibility="onchange",
        default=lambda self: WEEKLY_HOURS_TARGET.get(self.env),
        help="At least 15 hours a week (loi pour le plein emploi); lower, or nil, only "
             "with a reason and a review date.")
    hours_reason = fields.Selection(
        HOURS_REASONS, "Reason for a lower target", track_visibility="onchange")
    hours_reason_detail = fields.Text("Details of the reason")
    hours_review_date = fields.Date("Review of the target on", track_visibility="onchange")
    planned_weekly_hours = fields.Float(
        "Planned hours a week", digits=(6, 1), compute="_compute_weekly_hours",
        help="The hours a week of the actions of the plan not abandoned.")
    hours_below_target = fields.Boolean(
        "Plan below the target", compute="_compute_weekly_hours")
    activity_week_ids = fields.One2many("rsa.activity.week", "contract_id", "Realised hours")
    realised_weekly_average = fields.Float(
        "Realised hours a week (average)", digits=(6, 1), compute="_compute_weekly_hours",
        help="The average of the weeks confirmed by a member of the carnet.")
    is_conversion = fields.Boolean(
        "Conversion", compute="_compute_conversion",
        help="A contrat d'engagement replacing a contract of the guide's regime.")
    to_convert = fields.Boolean(
        compute="_compute_conversion", search="_search_to_convert",
        help="A CER or PPAE signed before the new regime and still in force: it is "
             "replaced by a contrat d'engagement before the deadline of the settings.")
    conversion_days_left = fields.Integer(
        "Days left to convert", compute="_compute_conversion")

    # ------------------------------------------------------------ the regime
    def _is_engagement(self):
        self.ensure_one()
        return self.contract_type == ENGAGEMENT

    @api.model
    def _orientation_of(self, vals):
        orientation = self.env["rsa.orientation"].browse(vals.get("orientation_id"))
        return orientation or self.env["cdb.notebook"].browse(
            vals.get("notebook_id")).orientation_id

    @api.model
    def _complete_values(self, vals):
        """The contract of an orientation under the law (rsa_orientation's
        ``_follows_law``) is a contrat d'engagement: proposed on the form
        and checked on the server (``_check_type_fits_orientation``)."""
        orientation = self._orientation_of(vals)
        if not vals.get("contract_type") and orientation and orientation._follows_law():
            vals = dict(vals, contract_type=ENGAGEMENT)
        vals = super()._complete_values(vals)
        if vals.get("contract_type") == ENGAGEMENT:
            vals.setdefault("duration_months", ENGAGEMENT_DURATION_MONTHS.get(self.env))
        return vals

    @api.onchange("orientation_id")
    def _onchange_orientation_id(self):
        """An orientation under the law proposes the contrat d'engagement
        (cer_contracts proposes the guide's type of the orientation)."""
        result = super()._onchange_orientation_id()
        if self.orientation_id and self.orientation_id._follows_law():
            self.contract_type = ENGAGEMENT
        return result

    @api.onchange("contract_type")
    def _onchange_contract_type(self):
        result = super()._onchange_contract_type()
        if self.contract_type == ENGAGEMENT:
            self.duration_months = ENGAGEMENT_DURATION_MONTHS.get(self.env)
        return result

    @api.constrains("contract_type", "orientation_id")
    def _check_type_fits_orientation(self):
        """The contract of an orientation under the law (decided on or after
        the date of the new regime) is a contrat d'engagement; a contrat
        d'engagement follows such an orientation, or replaces a contract of
        the guide's regime (a conversion). The guide's types keep
        cer_contracts' rule on the guide's orientations."""
        engagements = self.filtered(lambda c: c.contract_type == ENGAGEMENT)
        for contract in self - engagements:
            orientation = contract.orientation_id
            if orientation and orientation._is_decision() and orientation._follows_law():
                raise ValidationError(_(
                    "The orientation of %s was decided under the loi pour le plein emploi "
                    "(from %s on): its contract is a contrat d'engagement.") % (
                    contract.beneficiary_id.name, self.env["rsa.orientation"]._regime_date_text()))
        result = super(CerContract, self - engagements)._check_type_fits_orientation()
        for contract in engagements:
            orientation = contract.orientation_id
            if not orientation or orientation.state == "draft":
                raise contract._no_orientation_error()
            if orientation.notebook_id != contract.notebook_id:
                raise ValidationError(_("The orientation belongs to another carnet."))
            if not (orientation._follows_law() or contract.previous_contract_id):
                raise ValidationError(_(
                    "The orientation of %s was decided under the guide's regime (before "
                    "%s): its contract is a CER or a PPAE, converted into a contrat "
                    "d'engagement from the contract in force.") % (
                    contract.beneficiary_id.name, self.env["rsa.orientation"]._regime_date_text()))
        return result

    @api.constrains("contract_type", "duration_months")
    def _check_engagement_duration(self):
        max_months = ENGAGEMENT_MAX_MONTHS.get(self.env)
        for contract in self.filtered(lambda c: c.contract_type == ENGAGEMENT):
            if not 1 <= contract.duration_months <= max_months:
                raise ValidationError(_(
                    "A contrat d'engagement lasts from 1 to %d months.") % max_months)

    # ---------------------------------------------------------- weekly hours
    @api.constrains("contract_type", "weekly_hours_target", "hours_reason",
                    "hours_review_date", "date_start")
    def _check_weekly_hours(self):
        """Loi pour le plein emploi: "une durée hebdomadaire d'activité d'au
        moins quinze heures", reduced or nil only "pour des raisons de santé,
        de handicap, de situation de parent isolé sans solution de garde ou
        de proche aidant": a lower target needs its reason and a review date
        (within the delay of the settings)."""
        target = WEEKLY_HOURS_TARGET.get(self.env)
        max_months = HOURS_REVIEW_MAX_MONTHS.get(self.env)
        for contract in self.filtered(lambda c: c.contract_type == ENGAGEMENT):
            hours = contract.weekly_hours_target
            if hours < 0 or hours > 7 * 24:
                raise ValidationError(_("The weekly activity target is a number of hours "
                                        "between 0 and %d.") % (7 * 24))
            if hours >= target:
                continue
            if not contract.hours_reason:
                raise ValidationError(_(
                    "A weekly activity below %.0f hours (%.1f hours) needs its reason: "
                    "health, disability, isolated parent without childcare, caring for a "
                    "relative, or another reason described.") % (target, hours))
            if contract.hours_reason == "other" and not (
                    contract.hours_reason_detail or "").strip():
                raise ValidationError(_("Describe the reason of the lower weekly activity."))
            contract._check_review_date(max_months)

    def _check_review_date(self, max_months):
        if not self.hours_review_date:
            raise ValidationError(_(
                "A weekly activity below the target is reviewed: record the review date."))
        start = fields.Date.from_string(self.date_start)
        review = fields.Date.from_string(self.hours_review_date)
        if review <= start or review > start + relativedelta(months=max_months):
            raise ValidationError(_(
                "The review of the weekly activity comes after the start of the contract "
                "and within %d months.") % max_months)

    @api.depends("pap_line_ids.planned_weekly_hours", "pap_line_ids.state",
                 "weekly_hours_target", "activity_week_ids.hours",
                 "activity_week_ids.state")
    def _compute_weekly_hours(self):
        for contract in self:
            lines = contract.pap_line_ids.filtered(lambda l: l.state != "abandoned")
            contract.planned_weekly_hours = sum(lines.mapped("planned_weekly_hours"))
            contract.hours_below_target = contract.contract_type == ENGAGEMENT and \
                contract.planned_weekly_hours < contract.weekly_hours_target
            weeks = contract.activity_week_ids.filtered(lambda w: w._is_confirmed())
            contract.realised_weekly_average = \
                sum(weeks.mapped("hours")) / len(weeks) if weeks else 0.0

    def _check_can_sign(self):
        result = super()._check_can_sign()
        if self._is_engagement() and self.hours_below_target:
            raise UserError(_(
                "The plan d'action plans %.1f hours a week for a target of %.1f: plan the "
                "hours of the actions, or record the reason of a lower target.") % (
                self.planned_weekly_hours, self.weekly_hours_target))
        return result

    @api.multi
    def action_sign(self):
        """The contrat d'engagement is signed with the organisme référent:
        the one the orientation designated (rsa_parcours), else the
        structure of the référent, recorded at the signature; it ends a
        running suspension of the carnet (remobilisation)."""
        result = super().action_sign()
        engagements = self.filtered(lambda c: c.contract_type == ENGAGEMENT)
        for contract in engagements:
            contract._workflow_write({"organisme_id": contract._organisme_referent().id})
        # Décret du 30 mai 2025: a contract signed is a re-engagement that
        # ends a running suspension
        self.env["rsa.manquement"]._remobilise_on_contract(engagements.mapped("notebook_id"))
        return result

    def _organisme_referent(self):
        """The organisme référent of the orientation (a decision of the
        President), else the structure of the référent (a conversion of a
        guide's contract whose orientation designated none)."""
        self.ensure_one()
        organism = self.orientation_id.organism_id
        if organism and organism.cdb_is_organisme_referent:
            return organism
        return self.referent_id.cdb_structure_id

    # ------------------------------------------ the employment-distance scale
    def _needs_assessment(self):
        """The guide's scale (EDE) is not a condition of the contrat
        d'engagement: the law's national criteria take its place."""
        if self.contract_type == ENGAGEMENT:
            return False
        return super()._needs_assessment()

    def _renewal_needs_assessment(self):
        if self.contract_type == ENGAGEMENT:
            return False
        return super()._renewal_needs_assessment()

    # ------------------------------------------------------------ conversion
    @api.model
    def _to_convert_domain(self):
        """The guide's contracts (CER, PPAE) signed before the new regime
        and in force (or signed and waiting for their validation), with no
        contrat d'engagement replacing them yet."""
        return [("contract_type", "in", GUIDE_TYPES),
                ("state", "in", ("signed", "submitted") + IN_FORCE_STATES),
                ("signed_date", "<", fields.Date.to_string(NEW_REGIME_DATE.get(self.env))),
                ("date_end", ">=", fields.Date.context_today(self)),
                ("renewal_ids", "=", False)]

    def _search_to_convert(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the contracts to convert."))
        ids = self.search(self._to_convert_domain()).ids
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.depends("contract_type", "previous_contract_id", "state", "signed_date", "date_end")
    def _compute_conversion(self):
        to_convert = self.search(self._to_convert_domain() + [("id", "in", self.ids)])
        today = fields.Date.from_string(fields.Date.context_today(self))
        days_left = (CONVERSION_DEADLINE.get(self.env) - today).days
        for contract in self:
            contract.is_conversion = contract.contract_type == ENGAGEMENT and \
                contract.previous_contract_id.contract_type in GUIDE_TYPES
            contract.to_convert = contract in to_convert
            contract.conversion_days_left = days_left if contract.to_convert else 0

    @api.multi
    def action_convert(self):
        """One click: the contrat d'engagement replacing this CER or PPAE
        (loi pour le plein emploi: the guide's contracts are replaced by the
        deadline of the settings). It carries the plan and its bilan
        (cer_contracts' renewal carry, ``_carry_to``) and starts today; the
        old contract ends when the new one starts."""
        self.ensure_one()
        self.notebook_id._cdb_check("sign")
        if not self.to_convert:
            raise UserError(_(
                "Only a CER or a PPAE signed before the new regime, in force and not yet "
                "replaced, is converted into a contrat d'engagement."))
        new = self._workflow_create({
            "notebook_id": self.notebook_id.id,
            "orientation_id": self.orientation_id.id,
            "previous_contract_id": self.id,
            "contract_type": ENGAGEMENT,
            "referent_id": self.notebook_id.referent_id.id or self.referent_id.id,
            "date_start": fields.Date.context_today(self),
            "duration_months": ENGAGEMENT_DURATION_MONTHS.get(self.env),
            "objectives": self.objectives,
        })
        self.pap_line_ids.filtered(lambda line: line.state != "abandoned")._carry_to(new)
        self.message_post(body=_("Converted into the contrat d'engagement %s.") % new.name)
        return new.with_env(self.env).get_formview_action()

    def _start_if_due(self):
        """A conversion that starts ends the guide's contract it replaces
        (end: converted), instead of marking it renewed."""
        today = fields.Date.context_today(self)
        for contract in self.filtered(
                lambda c: c.state == "validated" and c.date_start <= today and c.is_conversion):
            previous = contract.previous_contract_id
            if previous.state in AT_TERM_STATES:
                previous._workflow_write({"state": "ended", "end_case": CONVERTED})
        return super()._start_if_due()

    def _type_label(self):
        return selection_label(self, "contract_type")
