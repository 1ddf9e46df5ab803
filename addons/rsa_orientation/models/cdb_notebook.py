from odoo import SUPERUSER_ID, _, api, fields, models

from odoo.addons.carnet_de_bord.models.cdb_notebook_policy import (
    DELEGATES, ROLE_ADMIN, ROLE_MEMBER, ROLE_STRUCTURE_ADMIN)

# The permissions this module adds to the carnet's access policy
# (carnet_de_bord/models/cdb_notebook_policy.py): ask them with
# ``notebook._cdb_check(PERM_DECIDE)`` before acting, and give the buttons
# the matching ``groups``.
PERM_PROPOSE = "propose"
PERM_DECIDE = "decide"
PERM_GIVE_OPINION = "give_opinion"
PERM_STEP_SANCTION = "step_sanction"
PERM_AGREE_ASSESSMENT = "agree_assessment"
PERM_DELETE_AGREED_ASSESSMENT = "delete_agreed_assessment"

# Who works in a carnet: its members, their structures' administrators and
# the President's delegates (the roles of the policy's "contribute").
CONTRIBUTORS = frozenset([ROLE_MEMBER, ROLE_STRUCTURE_ADMIN]) | DELEGATES

# The task a delegate of the President receives when a decision is his to
# make (an orientation proposed, an EP case examined, a radiation due).
DECISION_ACTIVITY = "rsa_orientation.mail_activity_type_decision"


class CdbNotebook(models.Model):
    """The carnet follows the whole path: orientations, socio-professional
    data, employment-distance assessments and EP cases; who may propose,
    decide, give the team's opinion and step a sanction in it
    (``_cdb_permissions``); and these records follow the carnet in the
    retention purge and the right-of-access export (carnet_de_bord,
    models/cdb_notebook_data_protection.py)."""

    _inherit = "cdb.notebook"

    orientation_ids = fields.One2many("rsa.orientation", "notebook_id", "Orientations")
    orientation_id = fields.Many2one(
        "rsa.orientation", "Current orientation", compute="_compute_orientation_id")
    orientation_type = fields.Selection(
        related="orientation_id.orientation_type", readonly=True, string="Orientation")
    dsp_ids = fields.One2many("rsa.dsp", "notebook_id", "Socio-professional data history")
    dsp_id = fields.Many2one("rsa.dsp", "Current socio-professional data",
                             compute="_compute_dsp_id")
    ede_assessment_ids = fields.One2many("rsa.ede.assessment", "notebook_id", "EDE assessments")
    ede_chart = fields.Html("Evolution of the scale", compute="_compute_ede_chart",
                            sanitize=False)
    ep_case_ids = fields.One2many("rsa.ep.case", "notebook_id", "EP cases")

    @api.depends("orientation_ids.state")
    def _compute_orientation_id(self):
        for notebook in self:
            notebook.orientation_id = notebook.orientation_ids.filtered(
                lambda o: o._is_current())[:1]

    @api.depends("dsp_ids")
    def _compute_dsp_id(self):
        for notebook in self:
            notebook.dsp_id = notebook.dsp_ids[:1]

    def _compute_ede_chart(self):
        for notebook in self:
            notebook.ede_chart = notebook.ede_assessment_ids._chart_html()

    # ------------------------------------------------------- access policy
    @api.model
    def _cdb_permissions(self):
        """Seed 003: the orientation and the reorientation are decisions of
        the Président du Conseil (``DELEGATES``: the correspondants for their
        territories, the managers); the référent "Peut … proposer au Conseil
        Général une autre orientation"; the équipes pluridisciplinaires and
        d'orientation give an opinion ("émettre un avis"); sanctions follow
        the decision of suspension."""
        permissions = super()._cdb_permissions()
        permissions.update({
            PERM_PROPOSE: (
                _("Propose an orientation or put a case before the équipe pluridisciplinaire"),
                CONTRIBUTORS),
            PERM_DECIDE: (
                _("Decide an orientation or an EP case, by delegation of the President"),
                DELEGATES),
            PERM_GIVE_OPINION: (
                _("Record the opinion of the équipe pluridisciplinaire or orientation team"),
                DELEGATES),  # and the members of the case's session: _cdb_may_also
            PERM_STEP_SANCTION: (
                _("Apply or end a step of the sanction scale"),
                DELEGATES),
            PERM_AGREE_ASSESSMENT: (
                _("Agree an employment-distance assessment with the beneficiary"),
                CONTRIBUTORS),
            PERM_DELETE_AGREED_ASSESSMENT: (
                _("Delete an agreed employment-distance assessment"),
                frozenset([ROLE_ADMIN])),
        })
        return permissions

    def _cdb_may_also(self, permission, roles, user=None):
        """The members of a team (EP or orientation team) give the opinion on
        the cases of this carnet put on the agenda of their sessions."""
        if permission == PERM_GIVE_OPINION:
            user = user or self.env.user
            return user.has_group("rsa_orientation.group_rsa_orientation_team") and bool(
                # sudo: who sits in the sessions examining the carnet decides
                self.sudo().ep_case_ids.filtered(
                    lambda case: user in case.session_id.member_ids))
        return super()._cdb_may_also(permission, roles, user)

    # ------------------------------------------------ the President decides
    def _cdb_deciders(self):
        """The delegates of the President who receive a decision to make on
        this carnet as a task: the correspondants of its territory, else the
        département's managers who see it (seed 003: the orientation is
        "Décision d'orientation avec désignation de l'organisme référent et
        du correspondant", a decision of the Président du Conseil Général)."""
        self.ensure_one()
        # sudo: who holds the delegation for a carnet is not a datum the
        # proposer reads; the users found are the delegates of the policy
        Users = self.env["res.users"].sudo()
        notebook = self.sudo()
        manager = self.env.ref("carnet_de_bord.group_cdb_manager")
        correspondant = self.env.ref("carnet_de_bord.group_cdb_correspondant")
        deciders = Users.browse()
        if notebook.territory_id:
            deciders = Users.search([
                ("share", "=", False), ("groups_id", "in", correspondant.ids),
                ("groups_id", "not in", manager.ids),
                ("cdb_territory_ids", "in", notebook.territory_id.ids)])
        if not deciders:
            deciders = Users.search([
                ("share", "=", False), ("groups_id", "in", manager.ids)]).filtered(
                    lambda user: not user.cdb_territory_ids
                    or notebook.territory_id in user.cdb_territory_ids)
        others = deciders.filtered(lambda user: user.id != SUPERUSER_ID)
        return (others or deciders).with_env(self.env)

    def _cdb_ask_decision(self, record, summary, deadline=None):
        """A task for each delegate of ``_cdb_deciders`` on ``record`` (an
        orientation proposed, an EP case to decide, a radiation due)."""
        self.ensure_one()
        activities = self.env["mail.activity"]
        for user in self._cdb_deciders():
            # sudo: the task is given to the delegate whoever asks (a
            # référent proposing, the daily job); the caller's action was
            # allowed by the policy
            activities |= record.sudo()._cdb_schedule_activity(
                DECISION_ACTIVITY, summary, deadline, user)
        return activities.with_env(self.env)

    @api.model
    def _cdb_close_decision_tasks(self, records):
        """The tasks of every delegate on ``records`` end with the decision
        (whichever delegate made it)."""
        activity_type = self.env.ref(DECISION_ACTIVITY)
        # sudo: the other delegates' tasks end with the decision just made
        records.sudo().mapped("activity_ids").filtered(
            lambda activity: activity.activity_type_id == activity_type).unlink()

    # ----------------------------------------------------- data protection
    def _cdb_personal_records(self):
        notebooks = self.sudo().with_context(active_test=False)
        return [
            notebooks.mapped("ep_case_ids"),
            notebooks.mapped("orientation_ids"),
            notebooks.mapped("ede_assessment_ids.line_ids"),
            notebooks.mapped("ede_assessment_ids"),
            notebooks.mapped("dsp_ids"),
        ] + super()._cdb_personal_records()

    # ------------------------------------------------------------- actions
    @api.multi
    def action_new_orientation(self):
        """Open a new orientation (a proposal until a delegate decides it)."""
        self.ensure_one()
        self._cdb_check(PERM_PROPOSE)
        return {
            "type": "ir.actions.act_window",
            "res_model": "rsa.orientation",
            "view_mode": "form",
            "target": "current",
            "context": {"default_notebook_id": self.id,
                        "default_referent_id": self.referent_id.id},
        }

    @api.multi
    def action_revise_dsp(self):
        self.ensure_one()
        return self.dsp_id._revision_action(self, _("Update the socio-professional data"))

    @api.multi
    def action_new_ede_assessment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "rsa.ede.assessment",
            "view_mode": "form",
            "target": "current",
            "context": {"default_notebook_id": self.id},
        }
