"""Who may do what in a carnet de bord: the one access policy.

The record rules (security/*_rules.xml) say which carnets a user reaches at
all; this policy says what they may *do* in one they reach. Every write
that changes a person's path, every button (through ``groups`` and the
check of its method) and every helper that needs ``sudo`` asks it first::

    notebook._cdb_check("change_referent")      # raises AccessError
    if notebook._cdb_may("read_health"): ...

A permission is granted to **roles**, and a user's roles are computed per
carnet (``_cdb_roles``). Modules add permissions by extending
``_cdb_permissions`` (one class per model and module: in their own
``cdb.notebook`` extension). ``readme/ACCESS.rst`` holds the table that
``_cdb_policy_table`` prints; a test checks that they agree.
"""
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

# The roles a user may hold in one carnet.
ROLE_BENEFICIARY = "beneficiary"        # the portal user of the beneficiary
ROLE_REFERENT = "referent"              # the référent unique
ROLE_MEMBER = "member"                  # any active member (référent included)
ROLE_STRUCTURE_ADMIN = "structure_admin"  # admin of an active member's structure
ROLE_CORRESPONDANT = "correspondant"    # correspondant of the carnet's territory
ROLE_MANAGER = "manager"                # département manager who sees the carnet
ROLE_ADMIN = "admin"                    # functional administrator, superuser

# The Président du Conseil départemental's delegates (seed 003: the
# correspondants for their territories, the département's managers).
DELEGATES = frozenset([ROLE_CORRESPONDANT, ROLE_MANAGER, ROLE_ADMIN])


class CdbNotebookPolicy(models.AbstractModel):
    _name = "cdb.notebook.policy"
    _description = "Who may do what in a carnet de bord"

    # ---------------------------------------------------------- permissions
    @api.model
    def _cdb_permissions(self):
        """``{permission: (label, roles)}``: each permission and the roles
        that hold it. Extend it in a module's ``cdb.notebook`` class.

        ``review`` and ``close`` (seed 000, "Suivi": "Par qui ? L'allocataire
        RSA et son référent"; "Qui le remplit et quand ?": "L'accompagnateur
        remplit la partie qui le concerne en cours et / ou à l'issue de
        l'action"): the référent, or a delegate, records a review and ends
        the path; an accompagnateur fills the actions in his charge
        (``adapt_plan`` and ``cdb.action``), not the review nor the end."""
        return {
            "contribute": (
                _("Write in the carnet (situation, objectives, actions, appointments)"),
                frozenset([ROLE_MEMBER, ROLE_STRUCTURE_ADMIN]) | DELEGATES),
            "adapt_plan": (
                _("Set and adapt every action of the plan (the accompagnateur in "
                  "charge of an action fills its status, result and evaluation)"),
                frozenset([ROLE_REFERENT, ROLE_MANAGER, ROLE_ADMIN])),
            "change_referent": (
                _("Change the référent unique (outside an orientation decision)"),
                DELEGATES),
            "invite": (
                _("Add or end a member of the groupe de suivi"),
                frozenset([ROLE_MEMBER, ROLE_STRUCTURE_ADMIN, ROLE_MANAGER, ROLE_ADMIN])),
            "share": (
                _("Record the beneficiary's sharing choices"),
                frozenset([ROLE_BENEFICIARY, ROLE_REFERENT, ROLE_MANAGER, ROLE_ADMIN])),
            "read_health": (
                _("Read the health details"),
                frozenset([ROLE_BENEFICIARY])),  # and the allow-list, see _cdb_may
            "review": (
                _("Record a review (bilan) of the path and validate it for the référent "
                  "(an accompagnateur fills the part of the actions in his charge)"),
                frozenset([ROLE_REFERENT]) | DELEGATES),
            "close": (
                _("Close the accompaniment with its reason, and reopen it"),
                frozenset([ROLE_REFERENT]) | DELEGATES),
            "delete_history": (
                _("Delete a recorded version (situation, health, socio-professional data)"),
                frozenset([ROLE_ADMIN])),
        }

    # ---------------------------------------------------------------- roles
    def _cdb_roles(self, user=None):
        """The roles ``user`` (default: the current user) holds in this
        carnet, as a frozenset (at most one query for the memberships)."""
        self.ensure_one()
        user = user or self.env.user
        if user.id == SUPERUSER_ID:
            return frozenset([ROLE_ADMIN])
        notebook = self.sudo()  # sudo: reading who follows the carnet decides the access
        roles = set()
        if notebook.beneficiary_id and user.partner_id == notebook.beneficiary_id:
            roles.add(ROLE_BENEFICIARY)
        if user.share:
            return frozenset(roles)
        if notebook.referent_id == user:
            roles.update((ROLE_REFERENT, ROLE_MEMBER))
        members = notebook.member_ids  # active memberships only
        if user in members.mapped("active_user_id"):
            roles.add(ROLE_MEMBER)
        if (user.has_group("carnet_de_bord.group_cdb_structure_admin")
                and user.cdb_structure_id
                and user.cdb_structure_id in members.mapped("active_structure_id")):
            roles.add(ROLE_STRUCTURE_ADMIN)
        is_correspondant = user.has_group("carnet_de_bord.group_cdb_correspondant")
        is_manager = user.has_group("carnet_de_bord.group_cdb_manager")
        territories = user._cdb_territories() if is_correspondant or is_manager else None
        if is_correspondant and notebook.territory_id and notebook.territory_id in territories:
            roles.add(ROLE_CORRESPONDANT)
        if is_manager and (not territories or notebook.territory_id in territories):
            roles.add(ROLE_MANAGER)
        if user.has_group("carnet_de_bord.group_cdb_admin"):
            roles.add(ROLE_ADMIN)
        return frozenset(roles)

    # ------------------------------------------------------------ decisions
    def _cdb_may(self, permission, user=None):
        """Whether ``user`` (default: the current user) holds ``permission``
        on every carnet of ``self``."""
        permissions = self._cdb_permissions()
        if permission not in permissions:
            raise ValueError("Unknown carnet de bord permission %r" % permission)
        allowed = permissions[permission][1]
        for notebook in self:
            roles = notebook._cdb_roles(user)
            if not roles & allowed and not notebook._cdb_may_also(permission, roles, user):
                return False
        return True

    def _cdb_may_also(self, permission, roles, user=None):
        """Grants that roles alone do not express (the health allow-list)."""
        self.ensure_one()
        if permission == "read_health":
            user = user or self.env.user
            # sudo: the beneficiary's choice on the member's line decides
            return bool(self.sudo().member_ids.filtered(
                lambda m: m.active_user_id == user and m.share_health))
        return False

    def _cdb_check(self, permission, user=None):
        """Raise AccessError (in French) unless ``_cdb_may``."""
        if not self._cdb_may(permission, user):
            label = self._cdb_permissions()[permission][0]
            raise AccessError(_(
                "You may not do this in this carnet de bord: %s.") % label)
        return True

    # ------------------------------------------------------- new carnets
    @api.model
    def _cdb_may_create_unfollowed(self, user=None):
        """Whether ``user`` (default: the current user) may create a carnet
        without being its référent: the département's managers, as the
        creation rules say (security/cdb_rules.xml, rule_cdb_notebook_manager;
        a professional creates a carnet only as its référent or a member)."""
        user = user or self.env.user
        return user.id == SUPERUSER_ID or user.has_group("carnet_de_bord.group_cdb_manager")

    # ------------------------------------------------------------- the doc
    @api.model
    def _cdb_policy_table(self):
        """The policy as rows ``(permission, label, sorted roles)``, for
        readme/ACCESS.rst."""
        return [(name, label, sorted(roles))
                for name, (label, roles) in sorted(self._cdb_permissions().items())]

    @api.model
    def _cdb_policy_rst(self):
        """``_cdb_policy_table()`` as the RST table of readme/ACCESS.rst
        (tests/test_policy.py checks the readme holds it)."""
        return self._cdb_rst_table(("Permission", "Roles", "What it allows"), [
            ("``%s``" % name, ", ".join(roles), label)
            for name, label, roles in self._cdb_policy_table()])

    @api.model
    def _cdb_rules_rst(self, module):
        """The record rules of ``module`` as an RST table (readme/ACCESS.rst):
        model, rule, groups (or every user: a global rule, which only takes
        away), operations (read, write, create, unlink)."""
        data = self.env["ir.model.data"].sudo().search(
            [("module", "=", module), ("model", "=", "ir.rule")])
        rules = self.env["ir.rule"].sudo().browse(data.mapped("res_id"))
        names = {item.res_id: item.name for item in data}
        rows = []
        for rule in rules.sorted(lambda r: (r.model_id.model, names[r.id])):
            groups = ", ".join(sorted(
                xmlid.replace(module + ".", "")
                for xmlid in rule.groups.get_external_id().values())) or "every user (global)"
            operations = "".join(letter for letter, allowed in (
                ("r", rule.perm_read), ("w", rule.perm_write), ("c", rule.perm_create),
                ("u", rule.perm_unlink)) if allowed)
            rows.append(("``%s``" % rule.model_id.model, "``%s``" % names[rule.id], groups,
                         operations))
        return self._cdb_rst_table(("Model", "Rule", "Groups", "Operations"), rows)

    @api.model
    def _cdb_rst_table(self, header, rows):
        """A "simple table" of reStructuredText."""
        rows = [tuple(header)] + [tuple(row) for row in rows]
        widths = [max(len(row[col]) for row in rows) for col in range(len(header))]
        rule = " ".join("=" * width for width in widths)

        def line(row):
            return " ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
        return "\n".join([rule, line(rows[0]), rule] + [line(row) for row in rows[1:]] + [rule])
