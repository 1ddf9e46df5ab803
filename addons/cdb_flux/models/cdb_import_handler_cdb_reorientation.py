from odoo import _, models


class CdbImportHandlerCdbReorientation(models.AbstractModel):
    """The reorientations template of the public Carnet de bord service
    (``import_reorientation.csv``): for a beneficiary found by name and
    birth date, accompagnateurs added to or removed from the carnet and the
    carnet's structure, line after line in the file's order."""

    _name = "cdb.import.handler.cdb_reorientation"
    _inherit = "cdb.import.handler"
    _description = "Import of the reorientations of the public Carnet de bord service"

    def _prepare(self):
        state = super()._prepare()
        state["beneficiaries"] = self.env["cdb.import.beneficiary.key"]._load_beneficiaries()
        return state

    def _check_row(self, state, line, values):
        keys = self.env["cdb.import.beneficiary.key"]
        found = keys._found(state["beneficiaries"], values)
        partner_ids = {partner_id for _kind, partner_id in found}
        if len(partner_ids) != 1:
            return [("lastname", values.get("lastname"), _(
                "No beneficiary has this name and birth date.") if not partner_ids else _(
                "Several beneficiaries have this name and birth date."))]
        values["_match"] = partner_ids.pop()
        notebook = self.env["res.partner"].browse(values["_match"]).cdb_notebook_ids[:1]
        if not notebook:
            return [("lastname", values.get("lastname"), _("This beneficiary has no carnet."))]
        values["_notebook"] = notebook.id
        if not notebook._cdb_may("invite"):
            return [("lastname", values.get("lastname"), _(
                "You may not change the members of this carnet."))]
        if values.get("structure_id") and not notebook._cdb_may("change_referent"):
            return [("structure_id", "", _(
                "You may not change the structure of this carnet: a delegate of the "
                "département does."))]
        return []

    def _write_rows(self, state, rows):
        counts = self._counts()
        Users = self.env["res.users"]
        for _line, values in rows:
            notebook = self.env["cdb.notebook"].browse(values["_notebook"])
            changed = False
            active = notebook.member_ids.filtered("active")
            for user_id, structure_id in values.get("add_ids") or []:
                if user_id not in active.mapped("user_id").ids:
                    notebook._add_member(Users.browse(user_id), "accompagnateur",
                                         self.env["res.partner"].browse(structure_id))
                    changed = True
            for user_id, _structure_id in values.get("remove_ids") or []:
                member = active.filtered(lambda m, u=user_id: m.user_id.id == u
                                         and m.role != "referent")
                if member:
                    member.write({"active": False, "date_end": state["today"]})
                    changed = True
            structure = values.get("structure_id")
            if structure and notebook.structure_id.id != structure:
                notebook._set_referent(notebook.referent_id,
                                       self.env["res.partner"].browse(structure))
                changed = True
            counts["updated" if changed else "unchanged"] += 1
        return counts
