from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..settings import REVIEW_INTERVAL_MONTHS
from odoo.addons.cdb_base.tools import format_date


class CdbNotebook(models.Model):
    """The carnet de bord: one shared page per person that follows the whole
    path (seed 000, "Carnet de bord": "Situation (révisable/historique)",
    "Plan d'actions (adaptable/évaluation)", "Engagements réciproques").

    Reviews (seed 000, "Suivi"): "De manière récurrente au cours du parcours
    (a minima tous les 6 mois, aux étapes clés telles qu'à la fin de chaque
    action ou en cas de réorientation) et à la fin du parcours. Par qui ?
    L'allocataire RSA et son référent."
    """

    _name = "cdb.notebook"
    _description = "Carnet de bord"
    _inherit = ["mail.thread", "mail.activity.mixin", "cdb.notebook.policy"]
    _order = "next_review_date, id desc"
    _rec_name = "beneficiary_id"

    beneficiary_id = fields.Many2one(
        "res.partner", "Beneficiary", required=True, ondelete="restrict", index=True,
        domain=[("is_rsa_beneficiary", "=", True)], track_visibility="onchange")
    caf_number = fields.Char(related="beneficiary_id.caf_number", readonly=True)
    birthdate_date = fields.Date(related="beneficiary_id.birthdate_date", readonly=True)
    referent_id = fields.Many2one(
        "res.users", "Référent unique", index=True, track_visibility="onchange",
        help="The single référent who accompanies the beneficiary. Setting it "
             "makes them an active member of the carnet.")
    structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure", index=True,
        domain=[("cdb_is_structure", "=", True)], track_visibility="onchange")
    territory_id = fields.Many2one("cdb.territory", "Territory", index=True,
                                   track_visibility="onchange")
    member_ids = fields.One2many("cdb.notebook.member", "notebook_id", "Members")
    state = fields.Selection([
        ("new", "New"),
        ("in_progress", "In progress"),
        ("closed", "Closed"),
    ], default="new", required=True, index=True, track_visibility="onchange")
    date_start = fields.Date("Accompaniment start", track_visibility="onchange")
    date_end = fields.Date("Accompaniment end", track_visibility="onchange")
    last_review_date = fields.Date("Last review", track_visibility="onchange")
    next_review_date = fields.Date(
        "Next review", compute="_compute_next_review_date", store=True, index=True)
    situation_ids = fields.One2many("cdb.situation", "notebook_id", "Situation history")
    situation_id = fields.Many2one(
        "cdb.situation", "Current situation", compute="_compute_situation_id")
    situation_family = fields.Text(related="situation_id.family", readonly=True)
    situation_housing = fields.Text(related="situation_id.housing", readonly=True)
    situation_resources = fields.Text(related="situation_id.resources", readonly=True)
    situation_mobility = fields.Text(related="situation_id.mobility", readonly=True)
    situation_employment = fields.Text(related="situation_id.employment", readonly=True)
    situation_diploma_level_id = fields.Many2one(
        related="situation_id.diploma_level_id", readonly=True)
    situation_summary = fields.Text(related="situation_id.summary", readonly=True)
    health_ids = fields.One2many("cdb.health", "notebook_id", "Health history")
    health_id = fields.Many2one(
        "cdb.health", "Current health details", compute="_compute_health_id")
    share_ids = fields.One2many("cdb.notebook.share", "notebook_id", "Choices by structure")
    objective_ids = fields.One2many("cdb.objective", "notebook_id", "Objectives")
    action_ids = fields.One2many("cdb.action", "notebook_id", "Action plan")
    event_ids = fields.One2many("calendar.event", "cdb_notebook_id", "Appointments")
    late_action_count = fields.Integer(
        "Late actions", compute="_compute_late_action_count",
        search="_search_late_action_count")
    review_due = fields.Boolean(
        "Review due", compute="_compute_review_due", search="_search_review_due")
    color = fields.Integer(compute="_compute_color")

    _sql_constraints = [
        ("beneficiary_unique", "unique(beneficiary_id)",
         "This beneficiary already has a carnet de bord."),
    ]

    # ------------------------------------------------------------------ reviews
    @api.model
    def _review_interval(self):
        """Months between two reviews (seed 000: "a minima tous les 6 mois")."""
        return relativedelta(months=REVIEW_INTERVAL_MONTHS.get(self.env))

    @api.depends("last_review_date", "date_start", "state")
    def _compute_next_review_date(self):
        interval = self._review_interval()
        for notebook in self:
            base = notebook.last_review_date or notebook.date_start
            if notebook.state == "closed" or not base:
                notebook.next_review_date = False
            else:
                notebook.next_review_date = fields.Date.to_string(
                    fields.Date.from_string(base) + interval)

    def _compute_review_due(self):
        today = fields.Date.context_today(self)
        for notebook in self:
            notebook.review_due = bool(
                notebook.next_review_date and notebook.next_review_date <= today)

    def _search_review_due(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [("next_review_date", "<=", today)]
        if (operator == "=") != bool(value):
            domain = ["|", ("next_review_date", "=", False), ("next_review_date", ">", today)]
        return domain

    # ---------------------------------------------------------- late actions
    def _compute_late_action_count(self):
        groups = self.env["cdb.action"].read_group(
            [("notebook_id", "in", self.ids), ("is_late", "=", True)],
            ["notebook_id"], ["notebook_id"])
        counts = {g["notebook_id"][0]: g["notebook_id_count"] for g in groups}
        for notebook in self:
            notebook.late_action_count = counts.get(notebook.id, 0)

    def _search_late_action_count(self, operator, value):
        notebook_ids = self._late_notebook_ids()
        if (operator, value) in ((">", 0), ("!=", 0), (">=", 1)):
            return [("id", "in", notebook_ids)]
        if (operator, value) in (("=", 0), ("<", 1)):
            return [("id", "not in", notebook_ids)]
        raise UserError(_("Unsupported search on late actions."))

    def _late_notebook_ids(self):
        """Carnets with a late action, in one query: no action is loaded
        (the carnets' own record rules still apply to the outer search)."""
        query = self.env["cdb.action"]._where_calc([("is_late", "=", True)])
        from_clause, where_clause, params = query.get_sql()
        self.env.cr.execute("SELECT DISTINCT cdb_action.notebook_id FROM %s WHERE %s" % (
            from_clause, where_clause), params)
        return [row[0] for row in self.env.cr.fetchall()]

    # ------------------------------------------------------------- situation
    @api.depends("situation_ids")
    def _compute_situation_id(self):
        for notebook in self:
            notebook.situation_id = notebook.situation_ids[:1]

    @api.depends("health_ids")
    def _compute_health_id(self):
        # Only the versions this user may read (security/cdb_sharing_rules.xml).
        for notebook in self:
            notebook.health_id = notebook.health_ids[:1]

    def _compute_color(self):
        for notebook in self:
            if notebook.late_action_count:
                notebook.color = 1  # red
            elif notebook.review_due:
                notebook.color = 3  # yellow
            else:
                notebook.color = 0

    # ------------------------------------------------------------ membership
    @api.model
    def create(self, vals):
        notebook = super().create(vals)
        notebook._sync_referent_member()
        return notebook

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if "referent_id" in vals or "structure_id" in vals:
            self._sync_referent_member()
        return result

    def _sync_referent_member(self):
        """The référent unique is always an active member with the role
        référent; a former référent's membership ends (kept in history)."""
        today = fields.Date.context_today(self)
        for notebook in self:
            current = notebook.sudo().member_ids.filtered(lambda m: m.role == "referent")
            former = current.filtered(lambda m: m.user_id != notebook.referent_id)
            former.write({"active": False, "date_end": today})
            if not notebook.referent_id:
                continue
            notebook._add_member(notebook.referent_id, "referent",
                                 notebook.structure_id or notebook.referent_id.cdb_structure_id)
            if notebook.state == "new":
                notebook.state = "in_progress"
            if not notebook.date_start:
                notebook.date_start = today

    def _add_member(self, user, role, structure=None):
        """Make ``user`` an active member of the carnet with ``role``,
        reactivating a former membership rather than duplicating it."""
        self.ensure_one()
        structure = structure if structure is not None else user.cdb_structure_id
        member = self.sudo().with_context(active_test=False).member_ids.filtered(
            lambda m: m.user_id == user)[:1]
        values = {"active": True, "role": role, "date_end": False,
                  "structure_id": structure.id}
        if member:
            if member.role == "referent" and role != "referent":
                values["role"] = "referent"
            member.write(values)
            return member
        values.update({"notebook_id": self.id, "user_id": user.id,
                       "date_start": fields.Date.context_today(self)})
        return self.env["cdb.notebook.member"].sudo().create(values)

    # --------------------------------------------------------------- actions
    @api.multi
    def action_revise_situation(self):
        """Open a new version of the situation, prefilled with the current one:
        a revision never overwrites the previous version."""
        self.ensure_one()
        return self.situation_id._revision_action(self, _("Revise the situation"))

    @api.multi
    def action_revise_health(self):
        """Open a new version of the health details, prefilled with the
        current one (only who reads them may revise them)."""
        self.ensure_one()
        return self.health_id._revision_action(self, _("Revise the health details"))

    # ------------------------------------------------------- the beneficiary
    def _beneficiary_declare_change(self, description):
        """The beneficiary declares a change of situation: an activity for
        the référent, who revises the situation with them (seed 000:
        "L'allocataire et son référent remplissent le carnet de bord")."""
        self.ensure_one()
        description = (description or "").strip()
        if not description:
            raise UserError(_("Describe the change of your situation."))
        self.message_post(
            body=_("Change of situation declared by the beneficiary: %s") % description,
            author_id=self.beneficiary_id.id)
        activity = self._cdb_schedule_activity(
            "carnet_de_bord.mail_activity_type_situation_change",
            _("Change of situation declared by the beneficiary"),
            False, self.referent_id or self.env.user)
        activity.note = description
        return activity

    def _beneficiary_set_shares(self, member, shares):
        """The beneficiary's choices for one member: ``shares`` maps each
        section to shown or not. The carnet keeps a trace of the change."""
        self.ensure_one()
        member = member.filtered(lambda m: m.notebook_id == self)
        if not member:
            raise UserError(_("This person is not a member of your carnet."))
        Member = self.env["cdb.notebook.member"]
        member.write({Member._share_field(section): bool(shown)
                      for section, shown in shares.items()})
        self._post_sharing_trace(member.user_id.name, shares)

    def _beneficiary_set_structure_shares(self, structure, shares):
        """The same choices for every member of ``structure`` in this carnet,
        and its future members."""
        self.ensure_one()
        if structure not in self.member_ids.mapped("structure_id"):
            raise UserError(_("No member of your carnet works for this structure."))
        for section, shown in shares.items():
            self.env["cdb.notebook.share"]._set_choice(self, structure, section, bool(shown))
        self._post_sharing_trace(structure.name, shares)

    def _post_sharing_trace(self, whom, shares):
        labels = self.env["cdb.notebook.member"]._section_labels()
        shown = [labels[s] for s, v in shares.items() if v] or [_("nothing")]
        self.message_post(
            body=_("Sharing choices for %s: shares %s.") % (whom, ", ".join(shown)),
            author_id=self.beneficiary_id.id)

    @api.multi
    def action_mark_reviewed(self):
        """Record a review made with the beneficiary: the next one is due
        in the configured interval, and pending review activities are done."""
        today = fields.Date.context_today(self)
        self.write({"last_review_date": today})
        review_type = self.env.ref("carnet_de_bord.mail_activity_type_review")
        self.mapped("activity_ids").filtered(
            lambda a: a.activity_type_id == review_type).action_done()
        for notebook in self:
            notebook.message_post(body=_("Review carried out on %s.") % format_date(today))
        return True

    @api.multi
    def action_close(self):
        self.write({"state": "closed", "date_end": fields.Date.context_today(self)})

    @api.multi
    def action_reopen(self):
        self.write({"state": "in_progress", "date_end": False})

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_schedule_reviews(self):
        """Daily: an activity for the référent of each carnet whose periodic
        review is due, and of each action that reached its échéance — never
        twice for the same review."""
        created = self._schedule_periodic_reviews() + \
            self.env["cdb.action"]._schedule_end_of_action_reviews()
        self.env["cdb.notebook.member"]._end_expired_memberships()
        return created

    def _schedule_periodic_reviews(self):
        review_type = self.env.ref("carnet_de_bord.mail_activity_type_review")
        due = self.search([
            ("state", "=", "in_progress"), ("referent_id", "!=", False),
            ("review_due", "=", True)])
        pending = self.env["mail.activity"].search([
            ("res_model", "=", self._name), ("res_id", "in", due.ids),
            ("activity_type_id", "=", review_type.id)]).mapped("res_id")
        count = 0
        for notebook in due.filtered(lambda n: n.id not in pending):
            notebook._schedule_review_activity(
                _("Periodic review of the carnet de bord"), notebook.next_review_date)
            count += 1
        return count

    def _schedule_review_activity(self, summary, deadline):
        return self._cdb_schedule_activity(
            "carnet_de_bord.mail_activity_type_review", summary, deadline, self.referent_id)
