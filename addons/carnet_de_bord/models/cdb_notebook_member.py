from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.cdb_base.tools import selection_label

from ..sections import SECTIONS
from ..settings import REFERENT_MINIMUM_SECTIONS, SECTIONS_HIDDEN_BY_DEFAULT

# What the rules read: a change of these fields changes what someone sees.
RULE_FIELDS = {"notebook_id", "user_id", "role", "active"}
# A change of these fields is a change of the groupe de suivi: written in the
# carnet's history, and the followers follow.
MEMBERSHIP_FIELDS = {"active", "role", "date_end", "user_id"}
# What makes or unmakes a référent: only the change of référent does it.
REFERENT_FIELDS = {"role", "active", "date_end", "user_id"}


class CdbNotebookMember(models.Model):
    """Who follows a carnet ("groupe de suivi"): the référent unique,
    accompagnateurs of partner structures, others. Only active members
    read the carnet (see security/cdb_rules.xml); an ended membership is
    kept inactive for the history.

    Each member also carries the beneficiary's sharing choices, one flag per
    section (seed 000, "Qui le remplit et quand ? Qui y a accès ?":
    "L'allocataire est responsable de son carnet de bord : il le valide et
    peut le modifier, il choisit quelles informations sont accessibles et à
    qui (accompagnateurs, entreprises, etc.)"). The référent keeps what the
    contract needs (readme/SHARING.rst); health is shared with the référent
    alone unless the beneficiary decides otherwise.

    Who changes what (the carnet's policy, cdb.notebook.policy):

    * inviting someone, ending or changing a membership: ``invite`` (an
      active member, an administrator of the structure of one of its active
      members, a département manager who sees the carnet — issue "Access
      model": "inviting someone into a carnet requires being a member of
      it"); a correspondant reads the memberships of their territory only;
    * the sharing flags: ``share`` (the beneficiary, through the portal; the
      référent on their behalf; a manager);
    * the référent's membership: only the change of référent
      (``cdb.notebook._set_referent``), never a direct write;
    * a membership stays in its carnet (``notebook_id`` does not change).

    Every change of the groupe de suivi is written in the carnet's history
    (who joined, with which role, who left), whatever the context says: it
    is what opens the carnet to someone.
    """

    _name = "cdb.notebook.member"
    _inherit = ["cdb.workflow.mixin", "cdb.notebook.part.mixin"]
    _description = "Carnet de bord member"
    _order = "active desc, role, date_start desc"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one("res.users", "User", required=True, index=True,
                              ondelete="cascade")
    role = fields.Selection([
        ("referent", "Référent"),
        ("accompagnateur", "Accompagnateur"),
        ("other", "Other"),
    ], required=True, default="accompagnateur")
    structure_id = fields.Many2one(
        "res.partner", "Structure", index=True, domain=[("cdb_is_structure", "=", True)])
    active = fields.Boolean(default=True, index=True)
    date_start = fields.Date("Since", default=fields.Date.context_today)
    date_end = fields.Date("Until")
    # What the record rules match (security/cdb_rules.xml): empty once the
    # membership ended, whatever active_test the caller puts in the context.
    # Indexed with the carnet (init).
    active_user_id = fields.Many2one(
        "res.users", "Active member", compute="_compute_active_refs", store=True)
    active_structure_id = fields.Many2one(
        "res.partner", "Structure of an active member", compute="_compute_active_refs",
        store=True)

    share_situation = fields.Boolean(
        "Situation and diagnostic", default=True,
        help="The beneficiary shares their situation and diagnostic with this member.")
    share_health = fields.Boolean(
        "Health", help="The beneficiary shares their health details with this member.")
    share_plan = fields.Boolean(
        "Objectives and actions", default=True,
        help="The beneficiary shares their objectives and actions with this member.")
    share_contracts = fields.Boolean(
        "Contracts", default=True,
        help="The beneficiary shares their contracts with this member.")
    share_documents = fields.Boolean(
        "Documents", default=True,
        help="The beneficiary shares the documents of their carnet with this member.")

    _sql_constraints = [
        ("notebook_user_unique", "unique(notebook_id, user_id)",
         "This person is already a member of the carnet."),
    ]

    def init(self):
        """The record rules of every record of a carnet select the carnets
        a user or a structure follows (``FOLLOWED_BY_USER_SQL``,
        ``FOLLOWED_BY_STRUCTURE_SQL``) in each query: indexes on (active
        member, carnet) answer from the index alone (issue 15: the rule of a
        structure administrator of 1,966 carnets, 5.4 -> 0.9 ms a query)."""
        for column in ("active_user_id", "active_structure_id"):
            tools.create_index(self.env.cr, "%s_%s_notebook_id_index" % (self._table, column),
                               self._table, [column, "notebook_id"])

    @api.depends("active", "user_id", "structure_id")
    def _compute_active_refs(self):
        for member in self:
            member.active_user_id = member.user_id if member.active else False
            member.active_structure_id = member.structure_id if member.active else False

    # ------------------------------------------------------------- sharing
    @api.model
    def _share_field(self, section):
        if section not in dict(SECTIONS):
            raise ValueError("Unknown section %r" % section)
        return "share_" + section

    @api.model
    def _share_fields(self):
        return {self._share_field(section) for section, _label in SECTIONS}

    @api.model
    def _section_labels(self):
        """Section -> its label in the user's language."""
        return {section: self._fields[self._share_field(section)].get_description(
            self.env)["string"] for section, _label in SECTIONS}

    @api.model
    def _referent_minimum_sections(self):
        """What the référent always reads: the contract (CER) is built on the
        diagnostic, the objectives and actions, and the contracts; health too
        unless the département configures otherwise (readme/SHARING.rst)."""
        return REFERENT_MINIMUM_SECTIONS.get(self.env)

    @api.model
    def _sections_hidden_by_default(self):
        """Sections a new member (other than the référent) does not read
        until the beneficiary shares them: health."""
        return SECTIONS_HIDDEN_BY_DEFAULT.get(self.env)

    @api.model
    def _default_shares(self, vals):
        """Sharing flags of a new member: the choice made for their structure
        in this carnet if any, else visible except the sections hidden by
        default; the référent reads health by default."""
        structure_choices = {}
        if vals.get("notebook_id") and vals.get("structure_id"):
            # sudo: the choices of the carnet give the newcomer's defaults
            for choice in self.env["cdb.notebook.share"].sudo().search([
                    ("notebook_id", "=", vals["notebook_id"]),
                    ("structure_id", "=", vals["structure_id"])]):
                structure_choices[choice.section] = choice.visible
        hidden = self._sections_hidden_by_default()
        is_referent = vals.get("role") == "referent"
        defaults = {}
        for section, _label in SECTIONS:
            if section in structure_choices:
                defaults[self._share_field(section)] = structure_choices[section]
            else:
                defaults[self._share_field(section)] = is_referent or section not in hidden
        return defaults

    def _referent_shares(self, vals):
        """A référent reads the minimum the contract needs and, unless told
        otherwise, health."""
        forced = {self._share_field(s): True for s in self._referent_minimum_sections()}
        forced.setdefault("share_health", vals.get("share_health", True))
        return forced

    @api.constrains("role", "active", "share_situation", "share_health", "share_plan",
                    "share_contracts", "share_documents")
    def _check_referent_minimum(self):
        labels = self._section_labels()
        for member in self.filtered(lambda m: m.active and m.role == "referent"):
            for section in self._referent_minimum_sections():
                if not member[self._share_field(section)]:
                    raise ValidationError(_(
                        "The référent always reads \"%s\": the contract of "
                        "engagement needs it, so it cannot be hidden from them.")
                        % labels[section])

    def _changes_cached_rules(self):
        """Whether these new memberships change a rule domain cached per user
        (res.users._cdb_sharing_domain, _cdb_health_domain): a section hidden
        from them (deny-lists) or their health shared (allow-list). Clearing
        the cache clears every cache of the registry, in every worker: a
        member with the default choices of a non-référent does not need it."""
        denied = [self._share_field(s) for s, _label in SECTIONS if s != "health"]
        return any(member.share_health or not all(member[f] for f in denied)
                   for member in self)

    @staticmethod
    def _clear_rule_cache(env):
        """Rule domains are cached per user: a new choice applies at once."""
        env["ir.rule"].clear_caches()

    # ------------------------------------------------------------- checks
    @api.model
    def _check_may_invite(self, notebooks):
        """Only who may already change the carnet brings someone in or ends
        a membership (the rule of this model alone would accept the new
        membership itself): the policy's ``invite``."""
        for notebook in notebooks:
            notebook.check_access_rule("write")
            notebook._cdb_check("invite")

    @api.model
    def _check_may_change_shares_in(self, notebooks):
        """The beneficiary decides (through the portal, which writes as
        superuser); in the back office the référent records their choice on
        their behalf, or a département manager does: the policy's ``share``."""
        for notebook in notebooks:
            if not notebook._cdb_may("share"):
                raise AccessError(_(
                    "Only the beneficiary, or their référent on their behalf, "
                    "chooses what is shared in the carnet de bord."))

    def _check_referent_membership(self, vals):
        """The role of référent is given and taken by the change of référent
        only (cdb.notebook._set_referent): no direct write makes someone
        référent, or ends, moves or demotes the référent's membership."""
        if self._in_workflow_transition():
            return
        touched = REFERENT_FIELDS & set(vals)
        changes = (not self and vals.get("role") == "referent") or any(
            (member.role == "referent" or vals.get("role") == "referent")
            and any(member._workflow_changes(name, vals[name]) for name in touched)
            for member in self)
        if changes:
            raise AccessError(_(
                "The référent of a carnet changes only through an orientation "
                "decision or \"Change the référent\"."))

    # -------------------------------------------------------------- CRUD
    @api.model
    def create(self, vals):
        notebook = self.env["cdb.notebook"].browse(vals.get("notebook_id"))
        if notebook:
            self._check_may_invite(notebook)
        self.browse()._check_referent_membership(vals)
        values = self._default_shares(vals)
        values.update(vals)
        if values.get("role") == "referent":
            values.update(self._referent_shares(vals))
        member = super().create(values)
        if member._changes_cached_rules():
            self._clear_rule_cache(self.env)
        member._post_on_notebook(_("%s joins the groupe de suivi as %s."))
        return member

    @api.multi
    def write(self, vals):
        self._check_referent_membership(vals)
        share_fields = self._share_fields()
        if share_fields & set(vals):
            self._check_may_change_shares_in(self.mapped("notebook_id"))
        if (set(vals) - share_fields) & (MEMBERSHIP_FIELDS | {"structure_id", "date_start"}):
            self._check_may_invite(self.mapped("notebook_id"))
        if vals.get("role") == "referent":
            vals = dict(vals, **self._referent_shares(vals))
        result = super().write(vals)
        if (share_fields | RULE_FIELDS) & set(vals):
            self._clear_rule_cache(self.env)
        if MEMBERSHIP_FIELDS & set(vals):
            for member in self:
                if member.active:
                    member._post_on_notebook(_("%s follows the carnet as %s."))
                else:
                    member._post_on_notebook(_("%s no longer follows the carnet (was %s)."))
            self.mapped("notebook_id")._cdb_drop_unallowed_followers()
        return result

    @api.multi
    def unlink(self):
        if self.filtered(lambda m: m.role == "referent") and not self._in_workflow_transition():
            self._check_referent_membership({"active": False})
        self._check_may_invite(self.mapped("notebook_id"))
        notebooks = self.mapped("notebook_id")
        for member in self:
            member._post_on_notebook(_("%s is removed from the groupe de suivi (was %s)."))
        result = super().unlink()
        self._clear_rule_cache(self.env)
        notebooks._cdb_drop_unallowed_followers()
        return result

    def _post_on_notebook(self, template):
        """The trail of the groupe de suivi, in the carnet's history: not
        silenced by any context (tracking_disable only concerns the
        tracking of fields)."""
        # sudo: the author may no longer read the carnet (an ended membership)
        for member in self.sudo():
            member.notebook_id.message_post(
                body=template % (member.user_id.name, selection_label(member, "role")),
                author_id=self.env.user.partner_id.id, subtype="mail.mt_note")

    # ------------------------------------------------------------- misc
    @api.onchange("user_id")
    def _onchange_user_id(self):
        if self.user_id.cdb_structure_id:
            self.structure_id = self.user_id.cdb_structure_id

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for member in self:
            if member.date_start and member.date_end and member.date_end < member.date_start:
                raise ValidationError(_(
                    "The end of a membership cannot be before its start."))

    @api.constrains("role", "active", "user_id")
    def _check_single_referent(self):
        for notebook in self.mapped("notebook_id"):
            referents = notebook.member_ids.filtered(
                lambda m: m.active and m.role == "referent")
            if len(referents) > 1:
                raise ValidationError(_(
                    "A carnet de bord has a single référent: change the "
                    "référent unique of the carnet instead."))

    @api.model
    def _end_expired_memberships(self):
        """Memberships whose end date has passed stop giving access (the
        daily cron, as superuser)."""
        today = fields.Date.context_today(self)
        expired = self.search([("date_end", "!=", False), ("date_end", "<", today)])
        expired._workflow_write({"active": False})
        return len(expired)
