from odoo import _, models

from odoo.addons.cdb_departement.models.cdb_import_reader import normalize

from .cdb_migration_values import split_cell

ADMIN_GROUP = "carnet_de_bord.group_cdb_structure_admin"


class CdbImportHandlerCdbStructure(models.AbstractModel):
    """The structures template of the public Carnet de bord service
    (``import_structures.csv``): one line per structure and responsable (a
    structure repeated on several lines has several responsables); the
    structure is imported as by our structures import, each responsable
    becomes the structure's administrator (a user matched by e-mail, else
    created)."""

    _name = "cdb.import.handler.cdb_structure"
    _inherit = "cdb.import.handler.structure"
    _description = "Import of the structures of the public Carnet de bord service"

    def _check_row(self, state, line, values):
        phones = split_cell(values.pop("phones", ""))
        if phones:
            values["phone"] = phones[0]
        key = normalize(values["name"])
        first = state["seen"].setdefault("cdb_structure", {}).get(key)
        values["_repeat"] = bool(first)
        if first:
            values["_match"] = state["structures"].get(key)
            return self._admin_errors(state, values)
        state["seen"]["cdb_structure"][key] = line
        return super()._check_row(state, line, values) + self._admin_errors(state, values)

    def _admin_errors(self, state, values):
        if values.get("admin_email") and not self.env.user.has_group(ADMIN_GROUP):
            return [("admin_email", values["admin_email"], _(
                "You may not make a structure administrator: you are none yourself."))]
        return []

    def _write_rows(self, state, rows):
        counts = self._counts()
        first_rows = [(line, values) for line, values in rows if not values["_repeat"]]
        for key, value in super()._write_rows(state, first_rows).items():
            counts[key] += value
        state["structures"] = self.env["cdb.import.column"]._structure_lookup()
        for _line, values in rows:
            if values["_repeat"]:
                counts["unchanged"] += 1
            if values.get("admin_email"):
                self._structure_admin(state, values)
        return counts

    def _structure_admin(self, state, values):
        structure_id = state["structures"].get(normalize(values["name"]))
        # sudo: users are the administrators'; the importer holds the profile
        # given (_admin_errors) and the account is a professional's
        users = self.env["res.users"].sudo().with_context(no_reset_password=True)
        email = values["admin_email"]
        user = users.search(["|", ("login", "=ilike", email), ("email", "=ilike", email)],
                            limit=1)
        group = self.env.ref(ADMIN_GROUP)
        if user:
            if group not in user.groups_id and not user.share:
                user.write({"groups_id": [(4, group.id)]})
            return user
        phones = split_cell(values.get("admin_phones") or "")
        return users.create({
            "login": email, "email": email,
            "name": " ".join(filter(None, [values.get("admin_firstname"),
                                           values.get("admin_lastname")])) or email,
            "phone": phones[0] if phones else False,
            "cdb_structure_id": structure_id or False,
            "groups_id": [(6, 0, [group.id])],
        })
