from dateutil.relativedelta import relativedelta
from psycopg2 import sql

from odoo import _, api, fields, models, tools
from odoo.tools import html2plaintext
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date, in_batches

from ..settings import REVIEW_INTERVAL_MONTHS
from .cdb_review import DRAFT, VALIDATED

# The states of a carnet, each word once.
NEW, IN_PROGRESS, CLOSED = "new", "in_progress", "closed"


class CdbNotebook(models.Model):
    """The carnet de bord: one shared page per person that follows the whole
    path (seed 000, "Carnet de bord": "Situation (révisable/historique)",
    "Plan d'actions (adaptable/évaluation)", "Engagements réciproques").

    Reviews (seed 000, "Suivi"): "De manière récurrente au cours du parcours
    (a minima tous les 6 mois, aux étapes clés telles qu'à la fin de chaque
    action ou en cas de réorientation) et à la fin du parcours. Par qui ?
    L'allocataire RSA et son référent." Each review is a record
    (``cdb.review``); the last review is the last one validated by the
    référent and the beneficiary, the next one is due an interval later, or
    earlier when a review was scheduled (``_schedule_review``: the end of
    an action, a reorientation, the end of the path).

    The state, the end of the path (date, reason) and the review dates are
    workflow fields: they change through the carnet's actions only —
    ``action_close`` (a dialog asking why, and the final review) and
    ``action_reopen`` (policy ``close``), the validation of a review
    (policy ``review``) — the référent or a delegate, never an
    accompagnateur (seed 000: "L'accompagnateur remplit la partie qui le
    concerne").

    The référent unique (``referent_id``) is a workflow field: it changes
    only through ``_set_referent`` — the "Change the référent" wizard of the
    delegates (policy ``change_referent``), an orientation decision
    (rsa_orientation), the import of référent assignments (cdb_departement) —
    and at the carnet's creation, where a professional designates
    themselves (the carnet they may create) and a delegate anyone.

    Named mixins: ``cdb.notebook.policy`` (who may do what),
    ``cdb.notebook.audit`` (reads by non-members), ``cdb.notebook.data.protection``
    (retention, right of access).
    """

    _name = "cdb.notebook"
    _description = "Carnet de bord"
    _inherit = ["mail.thread", "mail.activity.mixin", "cdb.workflow.mixin",
                "cdb.notebook.policy", "cdb.notebook.audit", "cdb.notebook.data.protection",
                "cdb.notebook.followed.mixin"]
    _order = "next_review_date, id desc"
    _rec_name = "beneficiary_id"
    _cdb_notebook_field = "id"

    beneficiary_id = fields.Many2one(
        "res.partner", "Beneficiary", required=True, ondelete="restrict", index=True,
        domain=[("is_rsa_beneficiary", "=", True)], track_visibility="onchange")
    caf_number = fields.Char(related="beneficiary_id.caf_number", readonly=True)
    birthdate_date = fields.Date(related="beneficiary_id.birthdate_date", readonly=True)
    referent_id = fields.Many2one(
        "res.users", "Référent unique", index=True, track_visibility="onchange",
        help="The single référent who accompanies the beneficiary: an active member "
             "of the carnet. Changed by an orientation decision or by a delegate of "
             "the département (\"Change the référent\").")
    structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure", index=True,
        domain=[("cdb_is_structure", "=", True)], track_visibility="onchange")
    territory_id = fields.Many2one("cdb.territory", "Territory", index=True,
                                   track_visibility="onchange")
    member_ids = fields.One2many("cdb.notebook.member", "notebook_id", "Members")
    state = fields.Selection([
        (NEW, "New"),
        (IN_PROGRESS, "In progress"),
        (CLOSED, "Closed"),
    ], default=NEW, required=True, index=True, track_visibility="onchange")
    date_start = fields.Date("Accompaniment start", track_visibility="onchange")
    date_end = fields.Date("Accompaniment end", track_visibility="onchange")
    end_reason_id = fields.Many2one(
        "cdb.end.reason", "End reason", ondelete="restrict", index=True,
        track_visibility="onchange")
    end_comment = fields.Text("About the end of the accompaniment")
    review_ids = fields.One2many("cdb.review", "notebook_id", "Reviews")
    last_review_date = fields.Date(
        "Last review", compute="_compute_last_review_date", store=True,
        help="The date of the last review validated by the référent and the beneficiary.")
    next_review_date = fields.Date(
        "Next review", compute="_compute_next_review_date", store=True, index=True)
    situation_ids = fields.One2many("cdb.situation", "notebook_id", "Situation history")
    situation_id = fields.Many2one(
        "cdb.situation", "Current situation", compute="_compute_situation_id")
    # The current situation as the user reads it (related_sudo=False: the
    # beneficiary's choice to hide the situation from a member holds here too).
    situation_family = fields.Text(
        related="situation_id.family", readonly=True, related_sudo=False)
    situation_housing = fields.Text(
        related="situation_id.housing", readonly=True, related_sudo=False)
    situation_resources = fields.Text(
        related="situation_id.resources", readonly=True, related_sudo=False)
    situation_mobility = fields.Text(
        related="situation_id.mobility", readonly=True, related_sudo=False)
    situation_employment = fields.Text(
        related="situation_id.employment", readonly=True, related_sudo=False)
    situation_rqth = fields.Boolean(
        related="situation_id.rqth", readonly=True, related_sudo=False)
    situation_diploma_level_id = fields.Many2one(
        related="situation_id.diploma_level_id", readonly=True, related_sudo=False)
    situation_rome_code_ids = fields.Many2many(
        related="situation_id.rome_code_ids", readonly=True, related_sudo=False)
    situation_summary = fields.Text(
        related="situation_id.summary", readonly=True, related_sudo=False)
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
    review_due = fields.Boolean(compute="_compute_review_due", search="_search_review_due")
    color = fields.Integer(compute="_compute_color")
    cdb_may_review = fields.Boolean(
        "May record a review", compute="_compute_cdb_may",
        help="The référent or a delegate (policy \"review\").")
    cdb_may_close = fields.Boolean(
        "May close the accompaniment", compute="_compute_cdb_may",
        help="The référent or a delegate (policy \"close\").")
    access_log_ids = fields.One2many(
        "cdb.access.log", "notebook_id", "Accesses by non-members", readonly=True)
    access_log_count = fields.Integer(
        "Accesses by non-members", compute="_compute_access_log_count")
    # The carnet at a glance (issue 14: what a référent checks first).
    beneficiary_phone = fields.Char(related="beneficiary_id.phone", readonly=True)
    beneficiary_mobile = fields.Char(related="beneficiary_id.mobile", readonly=True)
    beneficiary_address = fields.Char("Address", compute="_compute_glance")
    next_event_start = fields.Datetime("Next appointment", compute="_compute_glance")
    beneficiary_last_comment = fields.Text(
        "Last comment of the beneficiary", compute="_compute_glance",
        help="The last message the beneficiary wrote in their carnet (portal).")
    # Placed (invisible) in the form view only: reading it means the carnet
    # was opened, which lists it on the home page ("Carnets opened lately").
    cdb_opened_mark = fields.Boolean("Opened (marker)", compute="_compute_cdb_opened_mark")
    cdb_in_my_structure = fields.Boolean(
        "In my structure", compute="_compute_cdb_in_my_structure",
        search="_search_cdb_in_my_structure",
        help="The carnets followed by the user's structure (the structure "
             "administrator's home).")

    _sql_constraints = [
        ("beneficiary_unique", "unique(beneficiary_id)",
         "This beneficiary already has a carnet de bord."),
    ]

    _workflow_fields = ("referent_id", "state", "date_end", "end_reason_id", "end_comment",
                        "last_review_date", "next_review_date")

    @api.model_cr
    def init(self):
        """The rules of a correspondant select the carnets of their
        territories in every query of a carnet's records
        (``cdb_notebook_followed_mixin.TERRITORY_SQL``): an index on
        (territory, id) answers from the index alone (issue 15: opening a
        carnet as a correspondant of 12,700 carnets, 629 -> 339 ms)."""
        tools.create_index(self.env.cr, "cdb_notebook_territory_id_id_index", self._table,
                           ["territory_id", "id"])

    # ------------------------------------------------------------------ reviews
    @api.model
    def _review_interval(self):
        """Months between two reviews (seed 000: "a minima tous les 6 mois")."""
        return relativedelta(months=REVIEW_INTERVAL_MONTHS.get(self.env))

    @api.depends("review_ids.state", "review_ids.date")
    def _compute_last_review_date(self):
        for notebook in self:
            # sudo: the carnet's dates count every review, whoever reads them
            dates = notebook.sudo().review_ids.filtered(
                lambda r: r.state == VALIDATED and r.date).mapped("date")
            notebook.last_review_date = max(dates) if dates else False

    @api.depends("last_review_date", "date_start", "state", "review_ids.state",
                 "review_ids.deadline")
    def _compute_next_review_date(self):
        """The periodic review, an interval after the last review (or the
        start), or the review scheduled earlier (end of an action,
        reorientation) still to write."""
        interval = self._review_interval()
        for notebook in self:
            if notebook.state == CLOSED:
                notebook.next_review_date = False
                continue
            base = notebook.last_review_date or notebook.date_start
            dates = [fields.Date.to_string(fields.Date.from_string(base) + interval)] \
                if base else []
            # sudo: see _compute_last_review_date
            dates += notebook.sudo().review_ids.filtered(
                lambda r: r.state == DRAFT and r.deadline).mapped("deadline")
            notebook.next_review_date = min(dates) if dates else False

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

    def _compute_cdb_may(self):
        """What the buttons of the form offer (the actions check again)."""
        for notebook in self:
            notebook.cdb_may_review = bool(notebook.id) and notebook._cdb_may("review")
            notebook.cdb_may_close = bool(notebook.id) and notebook._cdb_may("close")

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
        # the clauses are the ORM's, their values are parameters
        self.env.cr.execute(
            sql.SQL("SELECT DISTINCT cdb_action.notebook_id FROM {} WHERE {}").format(
                sql.SQL(from_clause), sql.SQL(where_clause)), params)
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

    def _compute_access_log_count(self):
        groups = self.env["cdb.access.log"].read_group(
            [("notebook_id", "in", self.ids)], ["notebook_id"], ["notebook_id"])
        counts = {g["notebook_id"][0]: g["notebook_id_count"] for g in groups}
        for notebook in self:
            notebook.access_log_count = counts.get(notebook.id, 0)

    def _compute_color(self):
        for notebook in self:
            if notebook.late_action_count:
                notebook.color = 1  # red
            elif notebook.review_due:
                notebook.color = 3  # yellow
            else:
                notebook.color = 0

    def _cdb_form_action(self):
        """The window action opening this carnet's form (read as the user:
        the record rules say whether they may)."""
        self.ensure_one()
        self.check_access_rule("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.multi
    def action_cdb_open_notebook(self):
        """Open the carnet (the rows of the home page)."""
        return self._cdb_form_action()

    def _compute_glance(self):
        now = fields.Datetime.now()
        for notebook in self:
            partner = notebook.beneficiary_id
            notebook.beneficiary_address = ", ".join(
                part for part in (partner.street, partner.street2,
                                  " ".join(p for p in (partner.zip, partner.city) if p))
                if part)
            events = notebook.event_ids.filtered(lambda event: event.start >= now)
            notebook.next_event_start = min(events.mapped("start")) if events else False
            notebook.beneficiary_last_comment = notebook._beneficiary_last_comment()

    def _beneficiary_last_comment(self):
        """The text of the beneficiary's last message on the carnet."""
        if not (self.id and self.beneficiary_id):
            return False
        # sudo: the user reads this carnet (the form is open); its messages
        # follow the carnet (mail_thread.py)
        message = self.env["mail.message"].sudo().search([
            ("model", "=", self._name), ("res_id", "=", self.id),
            ("author_id", "=", self.beneficiary_id.id), ("message_type", "=", "comment")],
            order="date desc, id desc", limit=1)
        return html2plaintext(message.body or "").strip() or False

    def _compute_cdb_in_my_structure(self):
        structure = self.env.user.cdb_structure_id
        for notebook in self:
            notebook.cdb_in_my_structure = bool(structure) and (
                notebook.structure_id == structure
                or structure in notebook.member_ids.mapped("structure_id"))

    def _search_cdb_in_my_structure(self, operator, value):
        """The carnets of the user's structure: its structure, or one of its
        active members working for it (what a structure administrator
        sees, security/cdb_rules.xml)."""
        structure = self.env.user.cdb_structure_id.id or -1
        members = ("SELECT notebook_id FROM cdb_notebook_member WHERE active_structure_id = %s",
                   [structure])
        if (operator == "=") == bool(value):
            return ["|", ("structure_id", "=", structure), ("id", "inselect", members)]
        return ["&", "|", ("structure_id", "!=", structure), ("structure_id", "=", False),
                ("id", "not inselect", members)]

    def _compute_cdb_opened_mark(self):
        for notebook in self:
            notebook.cdb_opened_mark = True

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        result = super().read(fields, load=load)
        if fields and "cdb_opened_mark" in fields and len(self) == 1:
            self.env["cdb.notebook.recent"]._mark_opened(self)
        return result

    # ------------------------------------------------------------ référent
    @api.model
    def create(self, vals):
        referent = self.env["res.users"].browse(vals.get("referent_id") or [])
        Notebook = self._workflow_transition() if referent else self
        notebook = super(CdbNotebook, Notebook).create(vals).with_env(self.env)
        if referent or notebook.structure_id:
            notebook._check_may_designate_at_creation(referent)
        if referent:
            notebook._sync_referent_member()
            notebook._cdb_subscribe_creator()
        return notebook

    def _cdb_subscribe_creator(self):
        """Odoo subscribes the creator of a record; a carnet's creator may
        follow it only once the référent's membership exists (the
        professional who creates their carnet)."""
        context = self.env.context
        if not (context.get("tracking_disable") or context.get("mail_create_nosubscribe")):
            self.message_subscribe(self.env.user.partner_id.ids)

    def _check_may_designate_at_creation(self, referent):
        """A professional who creates a carnet designates themselves as its
        référent, in their own structure (it is the carnet they may create,
        security/cdb_rules.xml; ``res.partner.action_open_notebook``);
        designating anyone or any structure else takes ``change_referent``."""
        structure = self.structure_id
        if referent != self.env.user or (
                structure and structure != self.env.user.cdb_structure_id):
            self._cdb_check("change_referent")

    @api.multi
    def write(self, vals):
        if "structure_id" in vals and not self._in_workflow_transition():
            self._check_may_change_structure(vals["structure_id"])
        result = super().write(vals)
        if "referent_id" in vals or "structure_id" in vals:
            self._sync_referent_member()
        return result

    def _check_may_change_structure(self, structure_id):
        """The carnet's structure goes with its référent (the orientation
        designates "l'organisme référent", seed 003): it is the structure of
        the référent's membership, which opens the carnet to that
        structure's administrators. Changing it takes ``change_referent``."""
        for notebook in self:
            if notebook.structure_id.id != (structure_id or False):
                notebook._cdb_check("change_referent")

    def _set_referent(self, user, structure=None):
        """Make ``user`` (a res.users, or an empty one) the référent unique
        of these carnets, with ``structure`` (a res.partner) as the carnet's
        structure when given: the former référent's membership ends, the new
        one reads what the contract needs, followers follow.

        The one way the référent changes. The caller decides who may: the
        "Change the référent" wizard checks ``change_referent`` (delegates),
        rsa_orientation checks who decides an orientation, cdb_departement's
        import is a delegate's. Written with the caller's rights (the record
        rules of the carnet apply)."""
        vals = {"referent_id": user.id}
        if structure is not None:
            vals["structure_id"] = structure.id
        self._workflow_write(vals)
        return True

    def _sync_referent_member(self):
        """The référent unique is always an active member with the role
        référent; a former référent's membership ends (kept in history) and
        they stop following the carnet and its parts."""
        today = fields.Date.context_today(self)
        for notebook in self:
            # sudo: the change of référent was authorised (_set_referent's
            # caller, or the creation of the carnet); memberships are written
            # by the server
            members = notebook.sudo()._workflow_transition().member_ids
            former = members.filtered(
                lambda m: m.role == "referent" and m.user_id != notebook.referent_id)
            former.write({"active": False, "date_end": today})
            if notebook.referent_id:
                notebook._add_member(notebook.referent_id, "referent",
                                     notebook.structure_id or notebook.referent_id.cdb_structure_id)
                started = {}
                if notebook.state == NEW:
                    started["state"] = IN_PROGRESS
                if not notebook.date_start:
                    started["date_start"] = today
                if started:
                    notebook._workflow_write(started)
        self._cdb_drop_unallowed_followers()

    def _add_member(self, user, role, structure=None):
        """Make ``user`` an active member of the carnet with ``role``,
        reactivating a former membership rather than duplicating it.

        A server helper (sudo): its callers decided the person may join —
        the référent change (``_set_referent``'s caller), an orientation
        decision designating its correspondant (rsa_orientation), an import
        run by a delegate (cdb_departement)."""
        self.ensure_one()
        structure = structure if structure is not None else user.cdb_structure_id
        # sudo: see above; the role "référent" is only ever given here, in a
        # transition (cdb.notebook.member refuses it otherwise)
        Member = self.env["cdb.notebook.member"].sudo()._workflow_transition()
        member = Member.with_context(active_test=False).search(
            [("notebook_id", "=", self.id), ("user_id", "=", user.id)], limit=1)
        values = {"active": True, "role": role, "date_end": False,
                  "structure_id": structure.id}
        if member:
            if member.role == "referent" and role != "referent":
                values["role"] = "referent"
            member.write(values)
            return member.with_env(self.env)
        values.update({"notebook_id": self.id, "user_id": user.id,
                       "date_start": fields.Date.context_today(self)})
        return Member.create(values).with_env(self.env)

    # ------------------------------------------------------------ followers
    def _cdb_follower_partners(self):
        """Who may follow this carnet and its parts: its active members and
        its beneficiary (their portal login)."""
        self.ensure_one()
        # sudo: who follows the carnet decides who may follow it
        notebook = self.sudo()
        return notebook.member_ids.mapped("active_user_id.partner_id") | \
            notebook.beneficiary_id

    def _cdb_drop_unallowed_followers(self):
        """Remove the followers of these carnets and of their parts that may
        no longer follow them (an ended membership, a former référent)."""
        Thread = self.env["mail.thread"]
        for notebook in self:
            allowed = notebook._cdb_follower_partners()
            Thread._cdb_drop_followers_of_notebook(notebook, allowed)

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

    # --------------------------------------------------------------- reviews
    @api.multi
    def action_new_review(self):
        """Open the review to write (the one scheduled, or a new one with
        the carnet's objectives to review): the référent or a delegate
        (policy ``review``)."""
        self.ensure_one()
        self._cdb_check("review")
        review = self._draft_review()
        if not review:
            review = self.env["cdb.review"].create({
                "notebook_id": self.id, "reason": "periodic",
                "date": fields.Date.context_today(self),
                "objective_ids": [(6, 0, self.objective_ids.filtered(
                    lambda o: o.state != "abandoned").ids)]})
        return review.action_open()

    def _draft_review(self):
        """The review still to write of this carnet, if any."""
        self.ensure_one()
        return self.review_ids.filtered(lambda r: r.state == DRAFT)[:1]

    def _schedule_review(self, reason, deadline, summary=None):
        """A review is due by ``deadline`` (a date string) for ``reason``
        (``periodic``, ``end_of_action``, ``reorientation``, ``end_of_path``,
        ``other``: seed 000, "Quand ?"): the carnet's review still to write
        is due then (at most one per carnet; the earlier date wins), or a
        new one is opened, and the référent gets a *Bilan* activity. Returns
        the reviews.

        A server helper for authorised callers: the daily job, the decision
        of a reorientation (rsa_orientation), the end of the path."""
        labels = dict(self.env["cdb.review"]._fields["reason"]._description_selection(self.env))
        reviews = self.env["cdb.review"]
        for notebook in self:
            # sudo: a due review is opened by the server for its callers
            # (see above), whoever they are; the référent writes it
            review = notebook.sudo()._draft_review()
            if not review:
                review = reviews.sudo()._workflow_create({
                    "notebook_id": notebook.id, "reason": reason, "deadline": deadline})
            elif deadline and (not review.deadline or deadline < review.deadline):
                values = {"deadline": deadline}
                if reason in ("reorientation", "end_of_path"):
                    values["reason"] = reason
                review._workflow_write(values)
            notebook._schedule_review_activity(summary or labels[reason], deadline)
            reviews |= review.with_env(self.env)
        return reviews

    def _final_review(self):
        """The final review of the path, when the last review the référent
        validated is one (``end_of_path``)."""
        self.ensure_one()
        done = self.review_ids.filtered(lambda r: r.state != DRAFT).sorted(
            lambda r: (r.date or "", r.id), reverse=True)
        return done[:1].filtered(lambda r: r.reason == "end_of_path")

    def _review_validated(self, review):
        """``review`` is validated by the référent and the beneficiary: the
        pending *Bilan* activities are done and the history says so."""
        review_type = self.env.ref("carnet_de_bord.mail_activity_type_review")
        # sudo: the review's validation (checked by the review) closes the
        # référent's reminders
        self.sudo().mapped("activity_ids").filtered(
            lambda a: a.activity_type_id == review_type).action_done()
        for notebook in self:
            notebook.message_post(body=_("Review of %s validated by the référent and the "
                                         "beneficiary.") % format_date(review.date))

    # ------------------------------------------------------- end of the path
    @api.multi
    def action_close(self):
        """Open the dialog that closes the accompaniment: why it ends, and
        the final review (policy ``close``). Also in the form's Action
        menu, where several carnets may be selected: one at a time."""
        self._cdb_ensure_one()
        self._cdb_check("close")
        return self.env["cdb.notebook.close.wizard"]._open_for(self)

    def _cdb_ensure_one(self):
        """The Action menu of a list runs on every selected carnet: the acts
        that open a dialog take one carnet."""
        if len(self) != 1:
            raise UserError(_("Select one carnet for this action."))

    def _close(self, end_reason, date_end=None, comment=None):
        """End the path of these carnets for ``end_reason`` (a
        cdb.end.reason), on ``date_end`` (default today). The caller
        recorded the final review when the reason requires one
        (``cdb.notebook.close.wizard``)."""
        self._cdb_check("close")
        if not end_reason:
            raise UserError(_("Give the reason why the accompaniment ends."))
        date_end = date_end or fields.Date.context_today(self)
        for notebook in self:
            if notebook.state == CLOSED:
                raise UserError(_("This accompaniment is already closed."))
        self._workflow_write({"state": CLOSED, "date_end": date_end,
                              "end_reason_id": end_reason.id,
                              "end_comment": (comment or "").strip() or False})
        review_type = self.env.ref("carnet_de_bord.mail_activity_type_review")
        # sudo: the policy said yes; the reminders of reviews end with the path
        self.sudo().mapped("activity_ids").filtered(
            lambda a: a.activity_type_id == review_type).unlink()
        for notebook in self:
            notebook.message_post(body=_("Accompaniment closed on %s: %s.") % (
                format_date(date_end), end_reason.name))
        return True

    @api.multi
    def action_reopen(self):
        """Open a closed accompaniment again (policy ``close``)."""
        self._cdb_check("close")
        for notebook in self:
            if notebook.state != CLOSED:
                raise UserError(_("Only a closed accompaniment can be reopened."))
        self._workflow_write({"state": IN_PROGRESS, "date_end": False,
                              "end_reason_id": False, "end_comment": False})
        for notebook in self:
            notebook.message_post(body=_("Accompaniment reopened by %s.") % self.env.user.name)
        return True

    @api.multi
    def action_change_referent(self):
        """Open the "Change the référent" dialog (delegates of the
        département: policy ``change_referent``)."""
        self.ensure_one()
        self._cdb_check("change_referent")
        return self.env["cdb.referent.change.wizard"]._open_for(self)

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
            ("state", "=", IN_PROGRESS), ("referent_id", "!=", False),
            ("review_due", "=", True)])
        pending = set(self.env["mail.activity"].search([
            ("res_model", "=", self._name), ("res_id", "in", due.ids),
            ("activity_type_id", "=", review_type.id)]).mapped("res_id"))
        todo = due.filtered(lambda notebook: notebook.id not in pending)
        for batch in in_batches(todo):
            for notebook in batch:
                notebook._schedule_review(
                    "periodic", notebook.next_review_date,
                    _("Periodic review of the carnet de bord"))
        return len(todo)

    def _schedule_review_activity(self, summary, deadline):
        return self._cdb_schedule_activity(
            "carnet_de_bord.mail_activity_type_review", summary, deadline, self.referent_id)
