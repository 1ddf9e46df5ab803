from odoo import _, models

PROFILE_GROUPS = {
    "professional": "carnet_de_bord.group_cdb_professional",
    "structure_admin": "carnet_de_bord.group_cdb_structure_admin",
    "correspondant": "carnet_de_bord.group_cdb_correspondant",
}
# What a professional of the carnet de bord may hold besides a profile: the
# employee's basics (and what they imply), the "technical features" switch.
BASIC_GROUPS = ("base.group_user", "base.group_no_one")
USER_KEYS = ("lastname", "firstname", "phone", "mobile", "cdb_structure_id")


class CdbImportHandlerProfessional(models.AbstractModel):
    """Professionals (référents, accompagnateurs, structure administrators,
    correspondants): users of the carnet de bord, matched on their e-mail
    (their login). New users get no password: they set it from the
    "reset password" link.

    The import changes users as an administrator would, so it is held to
    the carnet de bord's professionals: a line whose e-mail belongs to any
    other account (an administrator, a manager, a beneficiary's portal, an
    archived account…) is rejected, and a profile is given only by a user
    who holds it."""

    _name = "cdb.import.handler.professional"
    _inherit = "cdb.import.handler"
    _description = "Import of professionals"

    def _prepare(self):
        state = super()._prepare()
        state["users"] = self._users_by_key()
        state["may_grant"] = {profile: self.env.user.has_group(xmlid)
                              for profile, xmlid in PROFILE_GROUPS.items()}
        return state

    def _professional_groups(self):
        """The groups a user the import may change holds at most."""
        groups = self.env["res.groups"]
        for xmlid in tuple(PROFILE_GROUPS.values()) + BASIC_GROUPS:
            groups |= self.env.ref(xmlid)
        return groups | groups.mapped("trans_implied_ids")

    def _users_by_key(self):
        """Every account, archived and portal ones included, by lower-case
        login and e-mail: {key: (user id, whether the import may change
        it)}."""
        allowed = tuple(self._professional_groups().ids)
        self.env.cr.execute("""
            SELECT DISTINCT uid FROM res_groups_users_rel WHERE gid NOT IN %s""", (allowed,))
        beyond = {row[0] for row in self.env.cr.fetchall()}
        self.env.cr.execute("""
            SELECT u.id, u.login, p.email, u.active, u.share
            FROM res_users u JOIN res_partner p ON p.id = u.partner_id ORDER BY u.id""")
        users = {}
        for user_id, login, email, active, share in self.env.cr.fetchall():
            changeable = bool(active and not share and user_id not in beyond)
            for key in (login, email):
                if key:
                    users.setdefault(key.strip().lower(), (user_id, changeable))
        return users

    def _check_row(self, state, line, values):
        errors = []
        first = self._seen_twice(state, "email", values["email"], line)
        if first:
            errors.append(("email", values["email"],
                           _("Same e-mail as line %d of the file.") % first))
        user_id, changeable = state["users"].get(values["email"], (None, True))
        if not changeable:
            errors.append(("email", values["email"], _(
                "This e-mail belongs to an account that is not a professional of the carnet "
                "de bord (an administrator, a manager, a beneficiary, an archived "
                "account…): the import does not change it.")))
        profile = values.get("profile") or "professional"
        if not state["may_grant"][profile]:
            errors.append(("profile", profile, _(
                "You may not give this profile: you do not hold it yourself.")))
        values["_match"] = user_id
        return errors

    def _write_rows(self, state, rows):
        counts = self._counts()
        # sudo: creating and changing users is the administrators'; the lines
        # were checked (_check_row): only professionals of the carnet de bord,
        # with profiles the importing user holds
        users = self.env["res.users"].sudo().with_context(no_reset_password=True)
        for _line, values in rows:
            user_values = {key: values[key] for key in USER_KEYS if key in values}
            group = self.env.ref(PROFILE_GROUPS[values.get("profile") or "professional"])
            if values["_match"]:
                user = users.browse(values["_match"])
                changed = self._changed_values(user, user_values)
                if group not in user.groups_id:
                    changed["groups_id"] = [(4, group.id)]
                user.write(changed)
                counts["updated" if changed else "unchanged"] += 1
            else:
                user_values.update({
                    "login": values["email"], "email": values["email"],
                    "name": self.env["res.partner"]._get_computed_name(
                        values["lastname"], values["firstname"]),
                    "groups_id": [(6, 0, [group.id])],
                })
                users.create(user_values)
                counts["created"] += 1
        return counts
