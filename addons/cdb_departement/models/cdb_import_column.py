import re

from odoo import _, api, fields, models

from odoo.addons.carnet_de_bord.models.res_partner import CAF_NUMBER_RE

from .cdb_import_reader import normalize, parse_date, parse_float, split_list

IMPORT_TYPES = [
    ("beneficiary", "Beneficiaries"),
    ("structure", "Structures"),
    ("professional", "Professionals"),
    ("referent_assignment", "Référent assignments"),
    ("reorientation", "Reorientations"),
]
EMAIL_RE = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")
ZIP_RE = re.compile(r"^[0-9]{5}$")
TRUE_WORDS = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
FALSE_WORDS = {"non", "n", "no", "faux", "false", "0"}


class CdbImportColumn(models.Model):
    """One column of an import template: the single place that says what a
    column holds (header, format, required, example, French description).
    The validation of the files and the downloadable templates both read it
    (data/cdb_import_columns.xml)."""

    _name = "cdb.import.column"
    _description = "Import template column"
    _order = "import_type, sequence, id"

    import_type = fields.Selection(IMPORT_TYPES, "Import", required=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char("Header", required=True,
                       help="The column header in the file (compared without "
                            "accents, case or punctuation).")
    key = fields.Char("Technical key", required=True)
    value_type = fields.Selection([
        ("char", "Text"),
        ("date", "Date"),
        ("birthdate", "Birth date"),
        ("email", "E-mail"),
        ("caf", "CAF/MSA number"),
        ("zip", "Postal code"),
        ("float", "Number"),
        ("boolean", "Yes / no"),
        ("selection", "Choice"),
        ("rome_codes", "ROME codes"),
        ("diploma_level", "Diploma level"),
        ("structure", "Structure"),
        ("user", "User (e-mail)"),
        ("users", "Users (e-mails)"),
        ("territory", "Territory"),
    ], "Format", required=True, default="char")
    required = fields.Boolean()
    max_length = fields.Integer(
        "Longest text",
        help="The longest text accepted in a cell of this column (the database "
             "indexes short values). 0: a free text, limited by the setting \"Longest "
             "free-text cell\".")
    selection_model = fields.Char(help="Model of the selection field whose values are accepted.")
    selection_field = fields.Char()
    choices = fields.Char(help="Accepted values when there is no selection field: "
                               "value:Label|value:Label")
    description = fields.Text(required=True)
    example = fields.Char()

    # ------------------------------------------------------------- choices
    def _choice_pairs(self):
        """[(value, French label)] accepted by a "Choice" column."""
        self.ensure_one()
        if self.selection_model:
            field = self.env[self.selection_model]._fields[self.selection_field]
            return field._description_selection(self.with_context(lang="fr_FR").env)
        return [tuple(item.split(":", 1)) for item in (self.choices or "").split("|") if item]

    def _choice_lookup(self):
        """{normalised value or label: value} of a "Choice" column."""
        lookup = {}
        for value, label in self._choice_pairs():
            lookup[normalize(value)] = lookup[normalize(label)] = value
        return lookup

    def _format_label(self):
        """The format as the template's documentation sheet shows it."""
        self.ensure_one()
        label = dict(self._fields["value_type"]._description_selection(self.env))[
            self.value_type]
        if self.value_type == "selection":
            label = "%s : %s" % (label, ", ".join(l for _v, l in self._choice_pairs()))
        return label

    def _max_length(self, free_text):
        """The longest text of a cell: the column's own limit, and at most
        ``free_text`` (the setting)."""
        self.ensure_one()
        return min(self.max_length, free_text) if self.max_length > 0 else free_text

    # ---------------------------------------------------------- conversion
    @api.model
    def _lookups(self, columns):
        """The reference data the columns of a file need, loaded once (one
        query per list) and shared by all its lines."""
        types = set(columns.mapped("value_type"))
        lookups = {"choices": {c.key: c._choice_lookup() for c in columns.filtered(
            lambda c: c.value_type == "selection")},
                   "today": fields.Date.context_today(self)}
        if "rome_codes" in types:
            lookups["rome"] = {r["code"].upper(): r["id"] for r in self.env[
                "cdb.rome.code"].with_context(active_test=False).search_read([], ["code"])}
        if "diploma_level" in types:
            levels = self.env["cdb.diploma.level"].search_read([], ["code", "name"])
            lookups["diploma"] = {normalize(level["code"]): level["id"] for level in levels}
            lookups["diploma"].update({normalize(level["name"]): level["id"]
                                       for level in levels})
        if "structure" in types:
            lookups["structure"] = self._structure_lookup()
        if types & {"user", "users"}:
            lookups["user"] = self._user_lookup()
        if "territory" in types:
            territories = self.env["cdb.territory"].search_read([], ["name", "code"])
            lookups["territory"] = {normalize(t["name"]): t["id"] for t in territories}
            lookups["territory"].update({normalize(t["code"]): t["id"]
                                         for t in territories if t["code"]})
        return lookups

    @api.model
    def _structure_lookup(self):
        """Structures by normalised name and by their import reference."""
        self.env.cr.execute("""
            SELECT id, name, cdb_import_ref FROM res_partner
            WHERE cdb_is_structure AND active ORDER BY id""")
        lookup = {}
        for partner_id, name, ref in self.env.cr.fetchall():
            lookup.setdefault(normalize(name), partner_id)
            if ref:
                lookup.setdefault("ref:" + ref.strip().lower(), partner_id)
        return lookup

    @api.model
    def _user_lookup(self):
        """Active internal users by lower-case login and e-mail:
        {key: (user id, structure id)}."""
        self.env.cr.execute("""
            SELECT u.id, u.login, p.email, u.cdb_structure_id
            FROM res_users u JOIN res_partner p ON p.id = u.partner_id
            WHERE u.active AND u.share IS NOT TRUE ORDER BY u.id""")
        lookup = {}
        for user_id, login, email, structure_id in self.env.cr.fetchall():
            for key in (login, email):
                if key:
                    lookup.setdefault(key.strip().lower(), (user_id, structure_id))
        return lookup

    def _converter(self, lookups):
        """A function answering (value, error reason) of a non-empty cell of
        this column."""
        self.ensure_one()
        convert = getattr(self, "_convert_" + self.value_type)
        if self.value_type == "selection":
            lookups = dict(lookups, choices=lookups["choices"][self.key],
                           labels=", ".join(l for _v, l in self._choice_pairs()))
        return lambda text: convert(text, lookups)

    def _convert_char(self, text, lookups):
        return text, None

    def _convert_date(self, text, lookups):
        value = parse_date(text)
        return (value, None) if value else (
            None, _("Invalid date: expected DD/MM/YYYY (or an Excel date)."))

    def _convert_birthdate(self, text, lookups):
        value, reason = self._convert_date(text, lookups)
        if value and value > lookups["today"]:
            return None, _("A birth date cannot be in the future.")
        return value, reason

    def _convert_email(self, text, lookups):
        return (text.lower(), None) if EMAIL_RE.match(text) else (
            None, _("Invalid e-mail address."))

    def _convert_caf(self, text, lookups):
        """Same rule as the CAF/MSA number of a beneficiary (carnet_de_bord)."""
        value = text.replace(" ", "")
        return (value, None) if CAF_NUMBER_RE.match(value) else (
            None, _("Invalid CAF/MSA number: it must contain 7 to 13 digits."))

    def _convert_zip(self, text, lookups):
        value = text.replace(" ", "").zfill(5)
        return (value, None) if ZIP_RE.match(value) else (
            None, _("Invalid postal code: expected 5 digits."))

    def _convert_float(self, text, lookups):
        value = parse_float(text)
        return (value, None) if value is not None else (None, _("Invalid number."))

    def _convert_boolean(self, text, lookups):
        word = normalize(text)
        if word in TRUE_WORDS:
            return True, None
        if word in FALSE_WORDS:
            return False, None
        return None, _("Invalid value: expected \"oui\" or \"non\".")

    def _convert_selection(self, text, lookups):
        value = lookups["choices"].get(normalize(text))
        if value is None:
            return None, _("Unknown value: accepted values are %s.") % lookups["labels"]
        return value, None

    def _convert_rome_codes(self, text, lookups):
        codes = [code.upper() for code in split_list(text)]
        unknown = [code for code in codes if code not in lookups["rome"]]
        if unknown:
            return None, _("Unknown ROME code(s): %s.") % ", ".join(unknown)
        return sorted({lookups["rome"][code] for code in codes}), None

    def _convert_diploma_level(self, text, lookups):
        value = lookups["diploma"].get(normalize(text))
        return (value, None) if value else (None, _("Unknown diploma level."))

    def _convert_structure(self, text, lookups):
        value = lookups["structure"].get("ref:" + text.lower()) or \
            lookups["structure"].get(normalize(text))
        return (value, None) if value else (None, _("Unknown structure."))

    def _convert_user(self, text, lookups):
        user = lookups["user"].get(text.lower())
        return (user, None) if user else (
            None, _("No active user has this e-mail address."))

    def _convert_users(self, text, lookups):
        emails = [email.lower() for email in split_list(text)]
        unknown = [email for email in emails if email not in lookups["user"]]
        if unknown:
            return None, _("No active user has the e-mail address(es) %s.") % ", ".join(unknown)
        return [lookups["user"][email] for email in emails], None

    def _convert_territory(self, text, lookups):
        value = lookups["territory"].get(normalize(text))
        return (value, None) if value else (None, _("Unknown territory."))
