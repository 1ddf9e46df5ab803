from odoo import _, models

from odoo.addons.cdb_base.tools import identity_key


class CdbImportBeneficiaryKey(models.AbstractModel):
    """Finding the beneficiary a line speaks of (issue "dites-le nous une
    fois": the same file imported again updates, never duplicates), with the
    duplicate rule of the beneficiary form (carnet_de_bord's res.partner):
    the same CAF/MSA number, or the same name — ``cdb_base.tools.
    identity_key``, the key stored in ``res.partner.cdb_identity_key``:
    accents, case, hyphens and doubled spaces do not count — and birth date
    in the same département (from the postal code; a line without postal
    code matches in any département). The internal reference of the
    département's system matches too.

    A line whose keys designate different beneficiaries, or whose CAF/MSA
    number or reference belongs to a beneficiary of another name or birth
    date, is a conflict reported on the line, never an update."""

    _name = "cdb.import.beneficiary.key"
    _description = "Matching of beneficiaries"

    def _load_beneficiaries(self):
        """Every beneficiary's keys, in one query."""
        self.env.cr.execute("""
            SELECT id, caf_number, cdb_import_ref, lastname, firstname, birthdate_date,
                   department_code
            FROM res_partner WHERE is_rsa_beneficiary ORDER BY id""")
        keys = {"caf": {}, "ref": {}, "identity": {}, "person": {}}
        for partner_id, caf, ref, lastname, firstname, birthdate, department in \
                self.env.cr.fetchall():
            if caf:
                keys["caf"].setdefault(caf, partner_id)
            if ref:
                keys["ref"].setdefault(ref.strip().lower(), partner_id)
            person = self._person(lastname, firstname, birthdate)
            keys["person"][partner_id] = person
            if person:
                keys["identity"].setdefault(person, {}).setdefault(
                    department or False, partner_id)
        return keys

    @staticmethod
    def _person(lastname, firstname, birthdate):
        """(identity key, birth date) of a person, None when incomplete."""
        key = identity_key(lastname, firstname)
        if not (key and birthdate):
            return None
        return key, str(birthdate)

    def _line_person(self, values):
        """The person of a line (kept in its values: it is asked several
        times)."""
        if "_person" not in values:
            values["_person"] = self._person(values.get("lastname"), values.get("firstname"),
                                             values.get("birthdate_date"))
        return values["_person"]

    def _line_department(self, values):
        """The département of the line's postal code, None when the line has
        none (then any département matches)."""
        if not values.get("zip"):
            return None
        return self.env["res.partner"]._department_from_zip(values["zip"]) or False

    def _found(self, beneficiaries, values):
        """[(kind, beneficiary id)] the keys of the line designate, in
        matching order: CAF/MSA number, reference, name and birth date."""
        found = []
        if values.get("caf_number") in beneficiaries["caf"]:
            found.append(("caf", beneficiaries["caf"][values["caf_number"]]))
        ref = (values.get("cdb_import_ref") or "").lower()
        if ref in beneficiaries["ref"]:
            found.append(("ref", beneficiaries["ref"][ref]))
        by_department = beneficiaries["identity"].get(self._line_person(values), {})
        department = self._line_department(values)
        if department is None:
            found += [("identity", partner_id) for partner_id in sorted(by_department.values())]
        elif department in by_department:
            found.append(("identity", by_department[department]))
        return found

    def _match(self, beneficiaries, values):
        """The id of the existing beneficiary of this line, or None."""
        found = self._found(beneficiaries, values)
        return found[0][1] if found else None

    def _conflict_errors(self, beneficiaries, values):
        """[(column key, value, reason)]: the keys of the line designate
        different beneficiaries, or its CAF/MSA number or reference belongs
        to a beneficiary of another name or birth date."""
        found = self._found(beneficiaries, values)
        column = "caf_number" if values.get("caf_number") else "cdb_import_ref"
        if len({partner_id for _kind, partner_id in found}) > 1:
            if all(kind == "identity" for kind, _id in found):
                return [("lastname", values.get("lastname"), _(
                    "Several beneficiaries have this name and birth date: give the CAF/MSA "
                    "number, the internal reference or the postal code."))]
            return [(column, values.get(column), _(
                "The CAF/MSA number, the internal reference or the name and birth date "
                "belong to different beneficiaries."))]
        person = self._line_person(values)
        errors = []
        for kind, partner_id in found:
            known = beneficiaries["person"].get(partner_id)
            if kind == "identity" or not person or not known or known == person:
                continue
            if kind == "caf":
                errors.append(("caf_number", values.get("caf_number"), _(
                    "This CAF/MSA number belongs to a beneficiary of another name or birth "
                    "date: check the line (a change of name or birth date is made on the "
                    "beneficiary's form).")))
            else:
                errors.append(("cdb_import_ref", values.get("cdb_import_ref"), _(
                    "This internal reference belongs to a beneficiary of another name or "
                    "birth date: check the line (a change of name or birth date is made on "
                    "the beneficiary's form).")))
        return errors

    def _duplicate_errors(self, handler, state, line, values):
        """A line of the file that speaks of the same person."""
        errors = []
        person = self._line_person(values)
        keys = [("caf", values.get("caf_number")),
                ("ref", (values.get("cdb_import_ref") or "").lower()),
                ("identity", person and (person, self._line_department(values)))]
        for kind, key in keys:
            first = key and handler._seen_twice(state, kind, key, line)
            if first:
                column, label = self._duplicate_label(kind)
                errors.append((column, values.get(column), _(
                    "Same %s as line %d of the file.") % (label, first)))
        return errors

    def _duplicate_label(self, kind):
        """(column key, label) of a key of the duplicate rule."""
        return {"caf": ("caf_number", _("CAF/MSA number")),
                "ref": ("cdb_import_ref", _("internal reference")),
                "identity": ("lastname", _("name and birth date"))}[kind]
