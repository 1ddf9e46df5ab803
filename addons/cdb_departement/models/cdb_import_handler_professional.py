from odoo import _, models

PROFILE_GROUPS = {
    "professional": "carnet_de_bord.group_cdb_professional",
    "structure_admin": "carnet_de_bord.group_cdb_structure_admin",
    "correspondant": "carnet_de_bord.group_cdb_correspondant",
}
USER_KEYS = ("lastname", "firstname", "phone", "mobile", "cdb_structure_id")


class CdbImportHandlerProfessional(models.AbstractModel):
    """Professionals (référents, accompagnateurs, structure administrators,
    correspondants): users of the carnet de bord, matched on their e-mail
    (their login). New users get no password: they set it from the
    "reset password" link."""

    _name = "cdb.import.handler.professional"
    _inherit = "cdb.import.handler"
    _description = "Import of professionals"

    def _prepare(self):
        state = super()._prepare()
        state["users"] = self.env["cdb.import.column"]._user_lookup()
        return state

    def _check_row(self, state, line, values):
        first = self._seen_twice(state, "email", values["email"], line)
        values["_match"] = state["users"].get(values["email"], (None,))[0]
        if first:
            return [("email", values["email"], _("Same e-mail as line %d of the file.") % first)]
        return []

    def _write_rows(self, state, rows):
        counts = {"created": 0, "updated": 0, "unchanged": 0}
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
