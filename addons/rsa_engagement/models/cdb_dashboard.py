from odoo import _, api, fields, models

from .cer_contract import ENGAGEMENT
from .rsa_manquement import REMOBILISED, REMOVED, SERVED, SUSPENDED, TO_DECIDE_STATES


class CdbDashboard(models.TransientModel):
    """The figures of the law in force on the managers' home
    (cdb_departement): the contrats d'engagement in force, their weekly
    hours, the guide's contracts left to convert, and the failures by stage.
    Each number counts what the user may read and opens its list."""

    _inherit = "cdb.dashboard"

    engagement_count = fields.Integer(
        "Contrats d'engagement in force", compute="_compute_engagement_figures")
    engagement_below_target_count = fields.Integer(
        "Plans below the weekly target", compute="_compute_engagement_figures")
    engagement_reduced_count = fields.Integer(
        "Lower target or exemption", compute="_compute_engagement_figures")
    engagement_planned_average = fields.Float(
        "Planned hours a week (average)", digits=(16, 1),
        compute="_compute_engagement_figures")
    engagement_realised_average = fields.Float(
        "Realised hours a week (average of the confirmed weeks)", digits=(16, 1),
        compute="_compute_engagement_figures")
    to_convert_count = fields.Integer(
        "Contracts left to convert", compute="_compute_engagement_figures")
    manquement_to_decide_count = fields.Integer(
        "Failures to decide", compute="_compute_engagement_figures")
    manquement_suspended_count = fields.Integer(
        "Suspensions running", compute="_compute_engagement_figures")
    manquement_removed_count = fields.Integer(
        "Removals", compute="_compute_engagement_figures")
    manquement_remobilised_count = fields.Integer(
        "Remobilisations", compute="_compute_engagement_figures")
    manquement_served_count = fields.Integer(
        "Suspensions served", compute="_compute_engagement_figures")

    @api.depends("territory_id")
    def _compute_engagement_figures(self):
        Contract = self.env["cer.contract"]
        Manquement = self.env["rsa.manquement"]
        for dashboard in self:
            engagements = Contract.search(dashboard._engagement_domain())
            weeks = engagements.mapped("activity_week_ids").filtered(lambda w: w._is_confirmed())
            stage = dashboard._manquement_domain
            dashboard.update({
                "engagement_count": len(engagements),
                "engagement_below_target_count": len(
                    engagements.filtered("hours_below_target")),
                "engagement_reduced_count": len(engagements.filtered("hours_reason")),
                "engagement_planned_average": sum(engagements.mapped("planned_weekly_hours"))
                / len(engagements) if engagements else 0.0,
                "engagement_realised_average": sum(weeks.mapped("hours")) / len(weeks)
                if weeks else 0.0,
                "to_convert_count": Contract.search_count(dashboard._to_convert_domain()),
                "manquement_to_decide_count": Manquement.search_count(
                    stage(TO_DECIDE_STATES)),
                "manquement_suspended_count": Manquement.search_count(stage((SUSPENDED,))),
                "manquement_removed_count": Manquement.search_count(stage((REMOVED,))),
                "manquement_remobilised_count": Manquement.search_count(
                    stage((REMOBILISED,))),
                "manquement_served_count": Manquement.search_count(stage((SERVED,))),
            })

    # ------------------------------------------------------------- domains
    def _engagement_domain(self):
        return self._scope("notebook_id.") + [("contract_type", "=", ENGAGEMENT)] + \
            self.env["cer.contract"]._in_force_domain()

    def _to_convert_domain(self):
        return self._scope("notebook_id.") + [("to_convert", "=", True)]

    def _manquement_domain(self, states=None):
        domain = self._scope("notebook_id.")
        if states:
            domain.append(("state", "in", list(states)))
        return domain

    # ------------------------------------------------------------- actions
    @api.multi
    def action_open_engagements(self):
        return self._open("cer.contract", self._engagement_domain(),
                          _("Contrats d'engagement in force"))

    @api.multi
    def action_open_to_convert(self):
        return self._open("cer.contract", self._to_convert_domain(),
                          _("Contracts left to convert"))

    @api.multi
    def action_open_manquements(self):
        action = self._open("rsa.manquement", self._manquement_domain(),
                            _("Failures and sanctions by stage"))
        action["context"] = {"group_by": "state"}
        return action
