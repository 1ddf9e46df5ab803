import re

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression

from odoo.addons.cdb_base.exists_leaf import exists_leaf
from odoo.addons.cdb_base.tools import format_date, identity_key

CAF_NUMBER_RE = re.compile(r"^[0-9]{7,13}$")
# The NIR (numéro d'inscription au répertoire, INSEE): sex (1, 2; 3, 4, 7, 8
# for a provisional number), year, month (01-12, 20-42 or 50-99 when
# unknown), département (2 digits, 2A or 2B), commune, order number, then
# the 2-digit key (97 - NIR mod 97, 2A and 2B counted as 19 and 18). The
# CAF/MSA flux gives the 13 characters without the key.
NIR_RE = re.compile(r"^([1-478][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{6})([0-9]{2})?$")
NIR_GROUP = "carnet_de_bord.group_cdb_nir"
NIR_FIELDS = ("nir",)
NIR_SHOWN_DIGITS = 4


def nir_key(nir13):
    """The 2-digit key of the 13 first characters of a NIR."""
    number = int(nir13.replace("2A", "19").replace("2B", "18"))
    return "%02d" % (97 - number % 97)


def normalize_nir(text):
    """The NIR of ``text`` with its key (15 characters, upper case, no
    spaces, dots or dashes), or None when ``text`` is no valid NIR (wrong
    format, or a key that does not match)."""
    value = re.sub(r"[\s.\-]", "", str(text or "")).upper()
    match = NIR_RE.match(value)
    if not match:
        return None
    nir13, key = match.groups()
    if key is not None and key != nir_key(nir13):
        return None
    return nir13 + nir_key(nir13)


def mask_nir(nir):
    """The NIR as shown to who may not read it: its last digits only."""
    if not nir:
        return False
    return "*" * (len(nir) - NIR_SHOWN_DIGITS) + nir[-NIR_SHOWN_DIGITS:]


class ResPartner(models.Model):
    """An RSA beneficiary is a res.partner (seed 002: "dites-le nous une fois").

    Identity as the guide's contracts list it ("ETAT CIVIL"): last and first
    name (partner_firstname), birth date (partner_contact_birthdate) and
    place, CAF/MSA number, France Travail identifier, family situation,
    contact and address. A beneficiary is entered once: the duplicate rule
    compares the CAF/MSA number, or the names as ``cdb_identity_key`` holds
    them (cdb_base.tools.identity_key: accents, case, hyphens and repeated
    spaces do not count; the imports use the same key) with the birth date
    and the département.

    At the end of the retention period the beneficiary is anonymised; the
    right-of-access export starts here too (readme/DATA_PROTECTION.rst).
    """

    _name = "res.partner"
    _inherit = ["res.partner", "cdb.notebook.followed.mixin"]

    is_rsa_beneficiary = fields.Boolean("RSA beneficiary", index=True)
    # read alone (the lists show it beside the name): cdb_base/models/res_partner.py
    caf_number = fields.Char("CAF/MSA number", index=True, copy=False, prefetch=False)
    benefit_organism = fields.Selection(
        [("caf", "CAF"), ("msa", "MSA")], "Paying organism", default="caf")
    france_travail_id = fields.Char("France Travail identifier", copy=False)
    birth_place = fields.Char()
    family_situation = fields.Selection([
        ("single", "Single"),
        ("married", "Married"),
        ("pacs", "Civil partnership (PACS)"),
        ("cohabiting", "Cohabiting"),
        ("separated", "Separated"),
        ("divorced", "Divorced"),
        ("widowed", "Widowed"),
    ])
    department_code = fields.Char(
        "Département", compute="_compute_department_code", store=True, index=True,
        help="Computed from the postal code.")
    cdb_notebook_ids = fields.One2many("cdb.notebook", "beneficiary_id", "Carnets de bord")
    cdb_identity_key = fields.Char(
        "Identity key", compute="_compute_cdb_identity_key", store=True, index=True,
        help="Last and first name as the duplicate rule compares them: without "
             "accents, case, hyphens, apostrophes nor repeated spaces.")
    cdb_is_structure = fields.Boolean(
        "Accompaniment structure",
        help="Social service, delegated association, France Travail agency…")
    # ---------------------------------------------------------------- NIR
    nir = fields.Char(
        "NIR", groups=NIR_GROUP, copy=False, index=True,
        help="Numéro d'inscription au répertoire (numéro de sécurité sociale), with its "
             "key: read, searched and exported only by the users of the group \"Reads the "
             "NIR\" (and the beneficiary in their own data export).")
    nir_masked = fields.Char(
        "NIR (masked)", compute="_compute_nir_masked",
        help="The last digits of the NIR, for who may not read it.")

    def _cdb_followed_leaf(self, notebooks_sql, params):
        """The beneficiaries of the carnets ``notebooks_sql`` selects."""
        return exists_leaf(
            "id", "SELECT beneficiary_id FROM cdb_notebook WHERE id IN (%s)" % notebooks_sql,
            params)

    @api.depends("lastname", "firstname")
    def _compute_cdb_identity_key(self):
        for partner in self:
            partner.cdb_identity_key = identity_key(partner.lastname, partner.firstname)

    # ---------------------------------------------------------------- NIR
    # The NIR is a field of the group "Reads the NIR" (NIR_GROUP): Odoo
    # refuses its read and write to others; its search, sort, grouping and
    # export are refused here too (Odoo 11 checks the field's groups on read
    # and write only). Others see ``nir_masked``.
    def _compute_nir_masked(self):
        for partner in self:
            # sudo: only the last digits are shown, to whoever reads the partner
            partner.nir_masked = mask_nir(partner.sudo().nir)

    def _cdb_may_read_nir(self):
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(NIR_GROUP)

    def _cdb_check_nir_access(self, names):
        """AccessError when ``names`` (fields, paths or an order) speak of
        the NIR and the user may not read it."""
        words = set(re.findall(r"[a-z_]+", " ".join(str(name) for name in names)))
        if words.intersection(NIR_FIELDS) and not self._cdb_may_read_nir():
            raise AccessError(_("Only the users allowed to read the NIR may search, "
                                "sort, group or export it."))

    @api.constrains("nir")
    def _check_nir(self):
        for partner in self.sudo().filtered("nir"):
            if normalize_nir(partner.nir) != partner.nir:
                raise ValidationError(_(
                    "The NIR \"%s\" is invalid: 13 characters and its 2-digit key "
                    "(a département 2A or 2B is allowed).") % partner.nir)

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        leaves = [leaf[0] for leaf in args or [] if expression.is_leaf(leaf)]
        self._cdb_check_nir_access(leaves + [order or ""])
        return super()._search(args, offset=offset, limit=limit, order=order, count=count,
                               access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        groupby_list = [groupby] if isinstance(groupby, str) else list(groupby or [])
        self._cdb_check_nir_access(list(fields or []) + groupby_list + [orderby or ""])
        return super().read_group(domain, fields, groupby, offset=offset, limit=limit,
                                  orderby=orderby, lazy=lazy)

    @api.multi
    def _export_rows(self, fields, batch_invalidate=True):
        """``export_data`` of partners, and of another model's records
        through their beneficiary (``beneficiary_id/nir``)."""
        self._cdb_check_nir_access([path[0] for path in fields if path])
        return super()._export_rows(fields, batch_invalidate=batch_invalidate)

    @api.model
    def create(self, vals):
        if vals.get("nir"):
            vals = dict(vals, nir=normalize_nir(vals["nir"]) or vals["nir"])
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("nir"):
            vals = dict(vals, nir=normalize_nir(vals["nir"]) or vals["nir"])
        return super().write(vals)

    @api.depends("zip")
    def _compute_department_code(self):
        for partner in self:
            partner.department_code = self._department_from_zip(partner.zip)

    @staticmethod
    def _department_from_zip(zip_code):
        """French département of a postal code: 2 digits, 3 for overseas (97x)."""
        zip_code = (zip_code or "").strip()
        if len(zip_code) != 5 or not zip_code.isdigit():
            return False
        return zip_code[:3] if zip_code.startswith("97") else zip_code[:2]

    @api.constrains("caf_number")
    def _check_caf_number(self):
        for partner in self.filtered("caf_number"):
            if not CAF_NUMBER_RE.match(partner.caf_number):
                raise ValidationError(_(
                    "The CAF/MSA number \"%s\" is invalid: it must contain "
                    "7 to 13 digits.") % partner.caf_number)

    @api.constrains("birthdate_date")
    def _check_birthdate_not_in_future(self):
        today = fields.Date.context_today(self)
        for partner in self.filtered("birthdate_date"):
            if partner.birthdate_date > today:
                raise ValidationError(_("The birth date %s is in the future.") % format_date(
                    partner.birthdate_date))

    @api.constrains("is_rsa_beneficiary", "caf_number", "firstname", "lastname",
                    "birthdate_date", "zip")
    def _check_beneficiary_duplicates(self):
        for partner in self.filtered("is_rsa_beneficiary"):
            duplicate = partner._find_beneficiary_duplicate()
            if duplicate:
                raise ValidationError(partner._duplicate_message(duplicate))

    def _find_beneficiary_duplicate(self):
        """Another beneficiary with the same CAF/MSA number, or the same
        identity key (last and first name), birth date and département."""
        self.ensure_one()
        base = [("id", "!=", self.id), ("is_rsa_beneficiary", "=", True)]
        # sudo: the duplicate rule holds across the département, also for the
        # beneficiaries the user does not follow (only the name is told)
        partners = self.sudo().with_context(active_test=False)
        if self.caf_number:
            found = partners.search(base + [("caf_number", "=", self.caf_number)], limit=1)
            if found:
                return found
        if self.cdb_identity_key and self.birthdate_date:
            found = partners.search(base + [
                ("cdb_identity_key", "=", self.cdb_identity_key),
                ("birthdate_date", "=", self.birthdate_date),
                ("department_code", "=", self.department_code),
            ], limit=1)
            if found:
                return found
        return self.browse()

    def _duplicate_message(self, duplicate):
        if self.caf_number and duplicate.caf_number == self.caf_number:
            return _("A beneficiary with the CAF/MSA number %s already exists: %s.") % (
                self.caf_number, duplicate.name)
        return _("A beneficiary named %s born on %s already exists in this "
                 "département.") % (duplicate.name, format_date(self.birthdate_date))

    @api.multi
    def action_open_notebook(self):
        """Open the beneficiary's carnet de bord, creating it on first use: a
        professional creates it as its référent (the only carnet they may
        create, security/cdb_rules.xml); a manager creates it without
        référent, to be designated by an orientation decision or a delegate."""
        self.ensure_one()
        notebook = self.cdb_notebook_ids[:1]
        if not notebook:
            Notebook = self.env["cdb.notebook"]
            values = {"beneficiary_id": self.id}
            if not Notebook._cdb_may_create_unfollowed():
                values["referent_id"] = self.env.user.id
            notebook = Notebook.create(values)
        return notebook.get_formview_action()

    # ------------------------------------------------------- data protection
    def _cdb_anonymous_values(self):
        """Values that erase who the beneficiary is; other modules clear
        their own fields."""
        return {
            "firstname": False, "birthdate_date": False, "birth_place": False,
            "caf_number": False, "france_travail_id": False, "family_situation": False,
            "nir": False,
            "street": False, "street2": False, "zip": False, "city": False,
            "state_id": False, "email": False, "phone": False, "mobile": False,
            "website": False, "comment": False, "function": False, "title": False,
            "ref": False, "vat": False, "image": False, "category_id": [(5, 0, 0)],
            "active": False,
        }

    def _cdb_anonymize(self):
        """Replace the identity of these beneficiaries by "Anonyme <id>",
        delete their messages and documents and archive their logins (the
        retention cron, as superuser)."""
        # sudo: the retention cron anonymises, whoever reads the partners
        partners = self.sudo().with_context(tracking_disable=True, active_test=False)
        values = self._cdb_anonymous_values()
        for partner in partners:
            partner.write(dict(values, lastname=_("Anonymous %s") % partner.id))
        partners.mapped("user_ids").write({"active": False})
        for user in partners.mapped("user_ids"):
            user.login = "anonymous-%s" % user.id
        self.env["cdb.notebook"]._cdb_delete_records_traces(partners)
        return len(partners)

    @api.multi
    def action_cdb_export_personal_data(self):
        """Open the right-of-access export of this beneficiary."""
        self.ensure_one()
        return self.env["cdb.data.export.wizard"]._open_for(self)
