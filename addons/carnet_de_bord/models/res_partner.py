import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cdb_base.tools import format_date, identity_key

CAF_NUMBER_RE = re.compile(r"^[0-9]{7,13}$")


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

    _inherit = "res.partner"

    is_rsa_beneficiary = fields.Boolean("RSA beneficiary", index=True)
    caf_number = fields.Char("CAF/MSA number", index=True, copy=False)
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

    @api.depends("lastname", "firstname")
    def _compute_cdb_identity_key(self):
        for partner in self:
            partner.cdb_identity_key = identity_key(partner.lastname, partner.firstname)

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
