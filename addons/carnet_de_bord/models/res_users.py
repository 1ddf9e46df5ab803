from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from ..settings import DUI_CHARTER_VERSION

PROFESSIONAL = "carnet_de_bord.group_cdb_professional"
FUNCTIONAL_ADMIN = "carnet_de_bord.group_cdb_admin"
MANAGER = "carnet_de_bord.group_cdb_manager"
CORRESPONDANT = "carnet_de_bord.group_cdb_correspondant"
STRUCTURE_ADMIN = "carnet_de_bord.group_cdb_structure_admin"
# The home page of each role (issue 14, "Land on one's work"): the first
# group of the list the user has gives their home action (``action_id``).
# Modules put theirs first (cdb_departement: the managers' dashboard).
HOMES = (
    (MANAGER, "carnet_de_bord.cdb_notebook_action_all"),
    (CORRESPONDANT, "carnet_de_bord.cdb_queue_action"),
    (STRUCTURE_ADMIN, "carnet_de_bord.cdb_notebook_action_structure"),
    (PROFESSIONAL, "carnet_de_bord.cdb_day_action"),
)
# The fields of the user form that change the groups (Odoo's reified
# groups: in_group_<id>, sel_groups_<ids>).
GROUP_FIELD_PREFIXES = ("in_group_", "sel_groups_")
# The conditions of access to the carnets (seed 003, "Accessibilité à
# l'interface"), recorded by the actions below only.
DUI_FIELDS = ("cdb_charter_version", "cdb_charter_date", "cdb_access_request_date",
              "cdb_access_request_cosigner", "cdb_access_request_recorded_by")
# The professionals of the demo data (demo/cdb_demo_users.xml): they have
# signed the charter and their access request is recorded.
DEMO_PROFESSIONALS = ("referent.social", "referent.social2", "referent.pro", "accompagnateur",
                      "admin.structure", "correspondant", "manager")
DUI_STATUSES = [
    ("not_concerned", "Not concerned"),
    ("charter", "Charter to sign"),
    ("new_charter", "New version of the charter to sign"),
    ("request", "Access request to record"),
    ("open", "Access open"),
]


class ResUsers(models.Model):
    """A professional of the carnet de bord: structure, territories, the
    rule domains of the beneficiary's sharing choices, and the conditions of
    access to the carnets.

    Seed 003, "ACCESSIBILITE A L'INTERFACE": "L'accès au D.U.I. est
    conditionné par : La signature d'une charte utilisateur : Elle
    représente l'engagement entre la structure et le Conseil Général,
    notamment sur la confidentialité des informations consultées et/ou
    saisies dans l'outil, La demande d'accès individuelle : document
    cosigné par le référent et son responsable, indispensable à la création
    du compte […]". A professional (the *Professionnel* group and those
    implying it, functional administrators aside) reads no carnet until both
    are recorded: the charter of the current version (setting
    ``DUI_CHARTER_VERSION``: a new version is signed again), signed by
    themselves (``action_cdb_sign_charter``), and the access request
    co-signed by their manager, recorded by the département
    (``cdb.dui.request.wizard``). The server holds it for every model of a
    carnet (``ir.rule._compute_domain``, models/ir_rule.py) and for the
    beneficiaries and appointments of the carnets (the same file).
    """

    _name = "res.users"
    _inherit = ["res.users", "cdb.workflow.mixin"]
    _workflow_fields = DUI_FIELDS

    cdb_structure_id = fields.Many2one(
        "res.partner", "Accompaniment structure",
        domain=[("cdb_is_structure", "=", True)],
        help="The structure this professional works for. Its structure "
             "administrators see the carnets this professional follows.")
    # An archived territory stays in the scope (the domain names "active",
    # so the ORM adds no active filter): archiving changes no one's access.
    cdb_territory_ids = fields.Many2many(
        "cdb.territory", string="Territories",
        domain=["|", ("active", "=", True), ("active", "=", False)],
        help="Territories followed by this correspondant or manager.")
    cdb_charter_version = fields.Char("User charter signed (version)", readonly=True,
                                      copy=False)
    cdb_charter_date = fields.Date("User charter signed on", readonly=True, copy=False)
    cdb_access_request_date = fields.Date(
        "Individual access request of", readonly=True, copy=False,
        help="The date of the individual access request, co-signed by the professional "
             "and their manager, recorded by the département.")
    cdb_access_request_cosigner = fields.Char(
        "Co-signed by (manager)", readonly=True, copy=False,
        help="The manager (responsable) who co-signed the individual access request.")
    cdb_access_request_recorded_by = fields.Many2one(
        "res.users", "Access request recorded by", readonly=True, copy=False)
    cdb_charter_current_version = fields.Char(
        "Current version of the charter", compute="_compute_cdb_dui_status")
    cdb_dui_status = fields.Selection(
        DUI_STATUSES, "Access to the carnets", compute="_compute_cdb_dui_status",
        search="_search_cdb_dui_status")
    cdb_is_current_user = fields.Boolean("Is the current user",
                                         compute="_compute_cdb_dui_status")

    @api.model
    def create(self, vals):
        user = super().create(vals)
        if not vals.get("action_id"):
            user._cdb_set_home_action()
        return user

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        # The record rules read these fields; Odoo caches each user's rules.
        if {"cdb_structure_id", "cdb_territory_ids"}.intersection(vals) \
                or set(DUI_FIELDS).intersection(vals):
            self.env["ir.rule"].clear_caches()
        if "action_id" not in vals and self._cdb_groups_written(vals):
            self._cdb_set_home_action()
        return result

    def _cdb_territories(self):
        """The territories of this user, kept between requests: a
        correspondant's or a manager's role in a carnet depends on them, and
        every carnet they open asks (``write`` clears the cache when they
        change)."""
        return self.env["cdb.territory"].browse(self._cdb_territory_ids_cached())

    @tools.ormcache("self.id")
    def _cdb_territory_ids_cached(self):
        # sudo: the ids of the user's own territories, what the rules read too
        return tuple(self.sudo().cdb_territory_ids.ids)

    # ------------------------------------------------------------- homes
    @api.model
    def _cdb_groups_written(self, vals):
        return "groups_id" in vals or any(
            name.startswith(GROUP_FIELD_PREFIXES) for name in vals)

    @api.model
    def _cdb_homes(self):
        """(group xml id, home action xml id), the first group a user has
        wins; modules extend the list."""
        return list(HOMES)

    def _cdb_home_actions(self):
        """Every home action of the roles (those the server may replace)."""
        actions = self.env["ir.actions.actions"]
        for _group, xmlid in self._cdb_homes():
            action = self.env.ref(xmlid, raise_if_not_found=False)
            if action:
                actions |= self.env["ir.actions.actions"].browse(action.id)
        return actions

    def _cdb_home_action(self):
        """The home action of this user's role (none for a portal user or a
        user outside the carnet de bord)."""
        self.ensure_one()
        if not self.share:
            for group, xmlid in self._cdb_homes():
                action = self.env.ref(xmlid, raise_if_not_found=False)
                if action and self.has_group(group):
                    return self.env["ir.actions.actions"].browse(action.id)
        return self.env["ir.actions.actions"]

    @api.multi
    def _cdb_set_home_action(self):
        """Each user lands on their role's home after login (``action_id``,
        which Odoo's web client opens when the address names no action),
        unless an administrator chose another home by hand: only an empty
        home or a role's home is replaced."""
        managed = self._cdb_home_actions()
        for user in self.with_context(active_test=False):
            current = user.action_id
            if current and current not in managed:
                continue
            home = user._cdb_home_action()
            if home != current:
                # sudo: the home follows the groups the caller just wrote
                super(ResUsers, user.sudo()).write({"action_id": home.id or False})
        return True

    @api.model
    def _cdb_set_all_home_actions(self):
        """The homes of the existing users (data file, at each update of the
        modules that define homes)."""
        # sudo: data file
        users = self.sudo().with_context(active_test=False).search([("share", "=", False)])
        return users._cdb_set_home_action()

    # ------------------------------------------------- access to the carnets
    def _cdb_dui_concerned(self):
        """Whether the conditions of access apply to this user: a
        professional (any carnet group), not a functional administrator."""
        self.ensure_one()
        return (self.id != SUPERUSER_ID and not self.share and self.has_group(PROFESSIONAL)
                and not self.has_group(FUNCTIONAL_ADMIN))

    def _cdb_dui_status_of(self, version):
        self.ensure_one()
        if not self._cdb_dui_concerned():
            return "not_concerned"
        if not self.cdb_charter_version:
            return "charter"
        if self.cdb_charter_version != version:
            return "new_charter"
        if not self.cdb_access_request_date:
            return "request"
        return "open"

    @api.depends(*DUI_FIELDS)
    def _compute_cdb_dui_status(self):
        version = DUI_CHARTER_VERSION.get(self.env)
        for user in self:
            user.cdb_charter_current_version = version
            # sudo: the groups of a user decide whether they are concerned
            user.cdb_dui_status = user.sudo()._cdb_dui_status_of(version)
            user.cdb_is_current_user = user == self.env.user

    def _search_cdb_dui_status(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the access to the carnets."))
        version = DUI_CHARTER_VERSION.get(self.env)
        # sudo: the conditions are read on every professional's record
        users = self.sudo().with_context(active_test=False).search(
            [("share", "=", False), ("groups_id", "in", self.env.ref(PROFESSIONAL).ids)])
        ids = [user.id for user in users if user._cdb_dui_status_of(version) == value]
        if value == "not_concerned":
            matching = [("id", "not in", [u.id for u in users if u.id not in ids])]
        else:
            matching = [("id", "in", ids)]
        if operator == "!=":
            return ["!"] + matching
        return matching

    def _cdb_dui_open(self):
        """Whether this user may reach the carnets (the record rules ask)."""
        return self._cdb_dui_open_for(self.id or self.env.uid)

    @api.model
    @tools.ormcache("uid")
    def _cdb_dui_open_for(self, uid):
        """Cached per user; Odoo clears the cache when a user's groups or
        conditions change (``write``) and when a setting changes."""
        # sudo: the conditions are read on the user's own record
        user = self.sudo().browse(uid)
        return user._cdb_dui_status_of(DUI_CHARTER_VERSION.get(self.env)) in (
            "not_concerned", "open")

    @api.multi
    def action_cdb_sign_charter(self):
        """The professional signs the current version of the user charter
        (for themselves only)."""
        self.ensure_one()
        if self != self.env.user:
            raise AccessError(_("Each professional signs the user charter for themselves."))
        # sudo: a user may not write their own record; the charter's date and
        # version are written by the server
        self.sudo()._workflow_write({
            "cdb_charter_version": DUI_CHARTER_VERSION.get(self.env),
            "cdb_charter_date": fields.Date.context_today(self)})
        return True

    @api.multi
    def action_cdb_record_access_request(self):
        """Open the dialog recording the individual access request
        (the département's managers)."""
        self.ensure_one()
        self._cdb_check_may_record_access_request()
        return self.env["cdb.dui.request.wizard"]._open_for(self)

    def _cdb_check_may_record_access_request(self):
        """The département's managers record the access requests, not their own
        (seed 003: the request is needed "à la création du compte et à l'envoi
        par le Conseil Général du login et mot de passe")."""
        user = self.env.user
        if not (user.id == SUPERUSER_ID or user.has_group(MANAGER)):
            raise AccessError(_("Only the département's managers record the access requests."))
        if self == user and user.id != SUPERUSER_ID:
            raise AccessError(_("Another manager of the département records your own access "
                                "request."))
        return True

    def _cdb_record_access_request(self, request_date, cosigner):
        """Record the access request of these users (the caller checked who
        may: ``_cdb_check_may_record_access_request``)."""
        cosigner = (cosigner or "").strip()
        if not (request_date and cosigner):
            raise UserError(_("Give the date of the access request and who co-signed it."))
        # sudo: see above; users are written by the server
        return self.sudo()._workflow_write({
            "cdb_access_request_date": request_date,
            "cdb_access_request_cosigner": cosigner,
            "cdb_access_request_recorded_by": self.env.user.id})

    def _cdb_record_dui_access(self, cosigner="Demo"):
        """Both conditions at once, for the users of the demo data and the
        tests' fixtures (a server helper: no check)."""
        today = fields.Date.context_today(self)
        # sudo: data files and fixtures
        return self.sudo()._workflow_write({
            "cdb_charter_version": DUI_CHARTER_VERSION.get(self.env),
            "cdb_charter_date": today, "cdb_access_request_date": today,
            "cdb_access_request_cosigner": cosigner,
            "cdb_access_request_recorded_by": SUPERUSER_ID})

    @api.model
    def _cdb_demo_record_dui_access(self):
        """The demo professionals have signed and been granted their access
        (demo data, at the installation; the migration to 11.0.1.2.0 does it
        for the databases installed before)."""
        # sudo: demo data
        users = self.sudo().search([("login", "in", DEMO_PROFESSIONALS)])
        version = DUI_CHARTER_VERSION.get(self.env)
        users = users.filtered(lambda u: u.cdb_charter_version != version
                               or not u.cdb_access_request_date)
        return users._cdb_record_dui_access(_("Demo data"))

    @api.model
    def _cdb_open_my_dui_access(self):
        """The professional's page of the user charter (menu *My charter*)."""
        return self.env.user._cdb_dui_form_action()

    @api.model
    def _cdb_open_dui_access_list(self):
        """The professionals and their conditions of access: every one for
        the département's managers, those of their structure for a
        structure administrator."""
        user = self.env.user
        domain = [("share", "=", False),
                  ("groups_id", "in", self.env.ref(PROFESSIONAL).ids)]
        if not (user.id == SUPERUSER_ID or user.has_group(MANAGER)):
            domain.append(("cdb_structure_id", "=", user.cdb_structure_id.id or -1))
        return {
            "type": "ir.actions.act_window",
            "name": _("Access to the carnets"),
            "res_model": self._name,
            "view_mode": "tree,form",
            "views": [(self.env.ref("carnet_de_bord.res_users_view_tree_cdb_dui").id, "tree"),
                      (self.env.ref("carnet_de_bord.res_users_view_form_cdb_dui").id, "form")],
            "search_view_id": self.env.ref("carnet_de_bord.res_users_view_search_cdb_dui").id,
            "domain": domain,
            "context": {"create": False, "delete": False},
            "target": "current",
        }

    def _cdb_dui_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("User charter and access request"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("carnet_de_bord.res_users_view_form_cdb_dui").id, "form")],
            "target": "current",
        }

    # ------------------------------------------------------------- sharing
    # Read by the record rules of security/*_sharing_rules.xml: Odoo caches
    # each user's rule domains, cdb.notebook.member clears that cache when a
    # choice changes. Odoo 11 evaluates a dotted path of a domain as a
    # search of its own and turns a negated leaf into "!=", so a deny-list
    # is written "not in <the carnets that hide the section>", never as
    # "not (member_ids.x = user)" (which would mean "another member exists").
    def _cdb_hidden_notebook_ids(self, section):
        """Carnets whose ``section`` the beneficiary hid from this user."""
        self.ensure_one()
        # sudo: a rule domain is computed from this user's memberships,
        # whatever the user may read
        members = self.env["cdb.notebook.member"].sudo().with_context(
            active_test=False).search(
                [("user_id", "=", self.id),
                 (self.env["cdb.notebook.member"]._share_field(section), "=", False)])
        # ids only: search_read would also compute the carnets' display names
        return sorted(members.mapped("notebook_id").ids)

    def _cdb_sharing_domain(self, section, notebook_path="notebook_id"):
        """Rule domain of a shared section: everything but the records of the
        carnets that hide ``section`` from this user (``notebook_path``
        leads from the record to its carnet)."""
        hidden = self._cdb_hidden_notebook_ids(section)
        return [(notebook_path, "not in", hidden)] if hidden else []

    def _cdb_documents_domain(self):
        """Rule domain of ir.attachment: the documents of the carnets that
        hide the "documents" section from this user are left out."""
        hidden = self._cdb_hidden_notebook_ids("documents")
        if not hidden:
            return []
        return ["|", ("res_model", "!=", "cdb.notebook"), ("res_id", "not in", hidden)]

    def _cdb_health_domain(self):
        """Rule domain of cdb.health, an allow-list: the beneficiary's own
        carnet and the carnets where this user is an active member the
        beneficiary shares their health with (by default the référent)."""
        self.ensure_one()
        # sudo: see _cdb_hidden_notebook_ids
        notebook_ids = set(self.env["cdb.notebook"].sudo().search(
            [("beneficiary_id", "=", self.partner_id.id)]).ids)
        members = self.env["cdb.notebook.member"].sudo().search(
            [("active_user_id", "=", self.id), ("share_health", "=", True)])
        notebook_ids.update(members.mapped("notebook_id").ids)
        return [("notebook_id", "in", sorted(notebook_ids))]
