from odoo import _, models


class CdbImportHandlerReferentAssignment(models.AbstractModel):
    """Référent assignments: the référent unique (and the structure) of the
    carnets of existing beneficiaries; the carnet is created when the
    beneficiary has none. The former référent's membership ends, kept in
    the history (cdb.notebook)."""

    _name = "cdb.import.handler.referent_assignment"
    _inherit = "cdb.import.handler"
    _description = "Import of référent assignments"

    def _prepare(self):
        state = super()._prepare()
        state["beneficiaries"] = self.env["cdb.import.beneficiary.key"]._load_beneficiaries()
        return state

    def _check_row(self, state, line, values):
        keys = self.env["cdb.import.beneficiary.key"]
        errors = keys._duplicate_errors(self, state, line, values)
        values["_match"] = keys._match(state["beneficiaries"], values)
        errors += keys._conflict_errors(state["beneficiaries"], values)
        if not values["_match"]:
            errors.append(self._unknown_beneficiary_error(values))
        return errors

    def _unknown_beneficiary_error(self, values):
        return ("caf_number", values.get("caf_number") or values.get("cdb_import_ref") or
                values.get("lastname", ""), _(
                    "No beneficiary found with this CAF/MSA number, internal "
                    "reference or name and birth date."))

    def _notebook(self, partner_id):
        partner = self.env["res.partner"].browse(partner_id)
        return partner.cdb_notebook_ids[:1] or self._quiet("cdb.notebook").create(
            {"beneficiary_id": partner.id})

    def _write_rows(self, state, rows):
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        for _line, values in rows:
            notebook = self._notebook(values["_match"])
            user_id, user_structure_id = values["referent_id"]
            structure_id = values.get("structure_id") or user_structure_id
            changed = self._changed_values(notebook, {
                "referent_id": user_id, "structure_id": structure_id})
            if changed:
                # the référent changes through carnet_de_bord's _set_referent
                notebook._cdb_check("change_referent")
                notebook._set_referent(self.env["res.users"].browse(user_id),
                                       self.env["res.partner"].browse(structure_id))
            counts["updated" if changed else "unchanged"] += 1
        return counts
