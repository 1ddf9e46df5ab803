from odoo import _, models

from .cdb_import_reader import normalize

STRUCTURE_KEYS = ("cdb_import_ref", "name", "street", "street2", "zip", "city", "phone",
                  "email", "website")


class CdbImportHandlerStructure(models.AbstractModel):
    """Accompaniment structures (social services, associations, France
    Travail agencies…), matched on their internal reference then their
    name."""

    _name = "cdb.import.handler.structure"
    _inherit = "cdb.import.handler"
    _description = "Import of structures"

    def _prepare(self):
        state = super()._prepare()
        state["structures"] = self.env["cdb.import.column"]._structure_lookup()
        return state

    def _check_row(self, state, line, values):
        errors = []
        ref = values.get("cdb_import_ref")
        for kind, key in (("ref", ref and ref.lower()), ("name", normalize(values["name"]))):
            first = key and self._seen_twice(state, kind, key, line)
            if first:
                errors.append(("cdb_import_ref" if kind == "ref" else "name", key, _(
                    "Same structure as line %d of the file.") % first))
        values["_match"] = (ref and state["structures"].get("ref:" + ref.lower())) or \
            state["structures"].get(normalize(values["name"]))
        return errors

    def _write_rows(self, state, rows):
        counts = self._counts()
        partners = self._quiet("res.partner")
        for _line, values in rows:
            structure_values = {key: values[key] for key in STRUCTURE_KEYS if key in values}
            if values["_match"]:
                structure = partners.browse(values["_match"])
                changed = self._changed_values(structure, structure_values)
                structure.write(changed)
                counts["updated" if changed else "unchanged"] += 1
            else:
                structure_values.update({"is_company": True, "cdb_is_structure": True,
                                         "country_id": state["france_id"]})
                partners.create(structure_values)
                counts["created"] += 1
        return counts
