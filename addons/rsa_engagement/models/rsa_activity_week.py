from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cer_contract import ENGAGEMENT

# Who recorded a week: a member of the carnet (référent, accompagnateur), or
# the beneficiary on the portal, a member confirming it.
SOURCES = [("member", "Member of the carnet"), ("beneficiary", "Beneficiary (portal)")]
DECLARED, CONFIRMED = "declared", "confirmed"
# The permission of the carnet to record or confirm the realised hours.
PERM_RECORD_HOURS = "record_hours"
# The permission of the carnet to declare one's own hours (the beneficiary).
PERM_DECLARE_HOURS = "declare_hours"


class RsaActivityWeek(models.Model):
    """The hours of activity realised in a week of a contrat d'engagement
    (loi pour le plein emploi: "une durée hebdomadaire d'activité d'au moins
    quinze heures"). Recorded by the référent or an accompagnateur of the
    carnet (confirmed at once), or declared by the beneficiary on the portal
    and confirmed by a member. One line per contract and week (its Monday).
    """

    _name = "rsa.activity.week"
    _description = "Realised hours of a week"
    _inherit = ["cdb.workflow.mixin", "cer.part.mixin"]
    _order = "week_start desc, id desc"
    _cer_parent_fields = ("contract_id", "notebook_id")
    _workflow_fields = ("state", "source", "confirmed_user_id", "confirmed_date")
    _workflow_locked_fields = ("hours", "week_start")

    contract_id = fields.Many2one(
        "cer.contract", "Contrat d'engagement", required=True, ondelete="cascade", index=True,
        domain=[("contract_type", "=", ENGAGEMENT)])
    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, readonly=True, index=True,
        ondelete="cascade", help="The carnet of the contract (set at the creation).")
    week_start = fields.Date("Week of (Monday)", required=True)
    hours = fields.Float("Hours realised", digits=(6, 1), required=True)
    target = fields.Float(related="contract_id.weekly_hours_target", readonly=True)
    comment = fields.Char()
    source = fields.Selection(SOURCES, default="member", required=True, readonly=True)
    state = fields.Selection([(DECLARED, "Declared"), (CONFIRMED, "Confirmed")],
                             default=DECLARED, required=True, readonly=True)
    confirmed_user_id = fields.Many2one("res.users", "Confirmed by", readonly=True)
    confirmed_date = fields.Date("Confirmed on", readonly=True)

    _sql_constraints = [
        ("week_unique", "unique(contract_id, week_start)",
         "The hours of this week are already recorded for this contract."),
    ]

    def _is_confirmed(self):
        self.ensure_one()
        return self.state == CONFIRMED

    def _workflow_is_locked(self):
        return self._is_confirmed()

    @api.constrains("week_start", "hours", "contract_id")
    def _check_week(self):
        # sudo: the rules of a week hold whatever the user may read
        for week in self.sudo():
            day = fields.Date.from_string(week.week_start)
            if day.weekday() != 0:
                raise ValidationError(_("A week is recorded from its Monday."))
            if not 0 <= week.hours <= 7 * 24:
                raise ValidationError(_("The hours of a week are between 0 and %d.") % (7 * 24))
            contract = week.contract_id
            if contract.notebook_id != week.notebook_id:
                raise ValidationError(_("The week belongs to the carnet of its contract."))
            if contract.contract_type != ENGAGEMENT:
                raise ValidationError(_(
                    "The weekly hours are those of a contrat d'engagement."))
            if week.week_start > contract.date_end or \
                    fields.Date.to_string(day + timedelta(days=6)) < contract.date_start:
                raise ValidationError(_("The week is outside the dates of the contract."))

    @api.model
    def create(self, vals):
        if self._in_workflow_transition():
            # an action of the model, which checked the policy
            return super().create(vals)
        contract = self.env["cer.contract"].browse(vals.get("contract_id"))
        notebook = contract.sudo().notebook_id.with_env(self.env)
        vals = dict(vals, notebook_id=notebook.id)
        if self.env.user.has_group("base.group_portal"):
            # the beneficiary declares; a member confirms
            notebook._cdb_check(PERM_DECLARE_HOURS)
            # sudo: the policy said yes (the beneficiary's own carnet); the
            # portal has no access right on the model
            week = self.sudo()._workflow_create(dict(vals, source="beneficiary"))
            return week.with_env(self.env)
        notebook._cdb_check(PERM_RECORD_HOURS)
        week = super().create(vals)
        week._confirm()
        return week

    @api.model
    def _portal_declare(self, contract_id, week_start, hours):
        """The beneficiary's declaration from the portal (``create`` checks
        ``declare_hours`` on the carnet of the contract)."""
        week_start = fields.Date.to_string(fields.Date.from_string(week_start))
        return self.create({"contract_id": contract_id, "week_start": week_start,
                            "hours": hours})

    @api.model
    def _portal_weeks(self, contract):
        """The weeks of ``contract`` shown to its beneficiary on the portal."""
        # sudo: the portal has no right on the model; the weeks of the
        # beneficiary's own contract (checked as the user) are theirs to read
        contract.check_access_rule("read")
        return self.sudo().search([("contract_id", "=", contract.id)])

    @api.multi
    def write(self, vals):
        if not self._in_workflow_transition():
            for notebook in self.sudo().mapped("notebook_id"):
                notebook.with_env(self.env)._cdb_check(PERM_RECORD_HOURS)
        return super().write(vals)

    @api.multi
    def unlink(self):
        for week in self:
            week.sudo().notebook_id.with_env(self.env)._cdb_check(PERM_RECORD_HOURS)
            if week._is_confirmed():
                raise UserError(_("Confirmed hours are kept with the contract."))
        return super().unlink()

    @api.multi
    def action_confirm(self):
        """A member of the carnet confirms the hours the beneficiary declared."""
        for week in self:
            week.notebook_id._cdb_check(PERM_RECORD_HOURS)
            if week._is_confirmed():
                raise UserError(_("These hours are already confirmed."))
        self._confirm()
        return True

    def _confirm(self):
        self._workflow_write({"state": CONFIRMED, "confirmed_user_id": self.env.uid,
                              "confirmed_date": fields.Date.context_today(self)})
