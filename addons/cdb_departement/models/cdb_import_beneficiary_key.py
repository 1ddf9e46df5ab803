from odoo import _, models

from .cdb_import_reader import normalize


class CdbImportBeneficiaryKey(models.AbstractModel):
    """Finding the beneficiary a line speaks of: by CAF/MSA number, then by
    the internal reference, then by last name, first name and birth date
    (issue "dites-le nous une fois": the same file imported again updates,
    never duplicates)."""

    _name = "cdb.import.beneficiary.key"
    _description = "Matching of beneficiaries"

    def _load_beneficiaries(self):
        """Every beneficiary's keys, in one query."""
        self.env.cr.execute("""
            SELECT id, caf_number, cdb_import_ref, lastname, firstname, birthdate_date
            FROM res_partner WHERE is_rsa_beneficiary""")
        keys = {"caf": {}, "ref": {}, "identity": {}}
        for partner_id, caf, ref, lastname, firstname, birthdate in self.env.cr.fetchall():
            if caf:
                keys["caf"].setdefault(caf, partner_id)
            if ref:
                keys["ref"].setdefault(ref.strip().lower(), partner_id)
            identity = self._identity(lastname, firstname, birthdate)
            if identity:
                keys["identity"].setdefault(identity, partner_id)
        return keys

    @staticmethod
    def _identity(lastname, firstname, birthdate):
        if not (lastname and firstname and birthdate):
            return None
        return normalize(lastname), normalize(firstname), str(birthdate)

    def _line_keys(self, values):
        """[(kind, key)] a line gives, in matching order."""
        keys = []
        if values.get("caf_number"):
            keys.append(("caf", values["caf_number"]))
        if values.get("cdb_import_ref"):
            keys.append(("ref", values["cdb_import_ref"].lower()))
        identity = self._identity(values.get("lastname"), values.get("firstname"),
                                  values.get("birthdate_date"))
        if identity:
            keys.append(("identity", identity))
        return keys

    def _match(self, beneficiaries, values):
        """The id of the existing beneficiary of this line, or None."""
        for kind, key in self._line_keys(values):
            if key in beneficiaries[kind]:
                return beneficiaries[kind][key]
        return None

    def _conflict_errors(self, beneficiaries, values):
        """The keys of the line designate different beneficiaries (the CAF
        number of one, the name and birth date of another…)."""
        found = {beneficiaries[kind].get(key) for kind, key in self._line_keys(values)}
        if len(found - {None}) > 1:
            column = "caf_number" if values.get("caf_number") else "cdb_import_ref"
            return [(column, values.get(column), _(
                "The CAF/MSA number, the internal reference or the name and birth date "
                "belong to different beneficiaries."))]
        return []

    def _duplicate_errors(self, handler, state, line, values):
        """A line of the file that speaks of the same person."""
        errors = []
        for kind, key in self._line_keys(values):
            first = handler._seen_twice(state, kind, key, line)
            if first:
                column, label = {"caf": ("caf_number", _("CAF/MSA number")),
                                 "ref": ("cdb_import_ref", _("internal reference")),
                                 "identity": ("lastname", _("name and birth date"))}[kind]
                errors.append((column, values.get(column), _(
                    "Same %s as line %d of the file.") % (label, first)))
        return errors
