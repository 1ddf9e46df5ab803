import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.cdb_base.tools import format_date

CAF_NUMBER_RE = re.compile(r"^[0-9]{7,13}$")


class ResPartner(models.Model):
    """An RSA beneficiary is a res.partner (seed 002: "dites-le nous une fois").

    Identity as the guide's contracts list it ("ETAT CIVIL"): last and first
    name (partner_firstname), birth date (partner_contact_birthdate) and
    place, CAF/MSA number, France Travail identifier, family situation,
    contact and address.
    """

    _inherit = "res.partner"

    is_rsa_beneficiary = fields.Boolean("RSA beneficiary", index=True)
    caf_number = fields.Char("CAF/MSA number", index=True, copy=False)
    benefit_organism = fields.Selection(
        [("caf", "CAF"), ("msa", "MSA")], "Paying organism", default="caf")
    france_travail_id = fields.Char("France Travail identifier", copy=False)
    birth_place = fields.Char("Birth place")
    family_situation = fields.Selection([
        ("single", "Single"),
        ("married", "Married"),
        ("pacs", "Civil partnership (PACS)"),
        ("cohabiting", "Cohabiting"),
        ("separated", "Separated"),
        ("divorced", "Divorced"),
        ("widowed", "Widowed"),
    ], "Family situation")
    department_code = fields.Char(
        "Département", compute="_compute_department_code", store=True, index=True,
        help="Computed from the postal code.")
    cdb_notebook_ids = fields.One2many("cdb.notebook", "beneficiary_id", "Carnets de bord")
    cdb_is_structure = fields.Boolean(
        "Accompaniment structure",
        help="Social service, delegated association, France Travail agency…")

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

    @api.constrains("is_rsa_beneficiary", "caf_number", "firstname", "lastname",
                    "birthdate_date", "zip")
    def _check_beneficiary_duplicates(self):
        for partner in self.filtered("is_rsa_beneficiary"):
            duplicate = partner._find_beneficiary_duplicate()
            if duplicate:
                raise ValidationError(partner._duplicate_message(duplicate))

    def _find_beneficiary_duplicate(self):
        """Another beneficiary with the same CAF/MSA number, or the same last
        name, first name and birth date in the same département."""
        self.ensure_one()
        base = [("id", "!=", self.id), ("is_rsa_beneficiary", "=", True)]
        partners = self.sudo().with_context(active_test=False)
        if self.caf_number:
            found = partners.search(base + [("caf_number", "=", self.caf_number)], limit=1)
            if found:
                return found
        if self.lastname and self.firstname and self.birthdate_date:
            found = partners.search(base + [
                ("lastname", "=ilike", self.lastname.strip()),
                ("firstname", "=ilike", self.firstname.strip()),
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
        """Open the beneficiary's carnet de bord, creating it on first use
        (a professional who creates it becomes its référent)."""
        self.ensure_one()
        notebook = self.cdb_notebook_ids[:1]
        if not notebook:
            values = {"beneficiary_id": self.id}
            if not self.env.user.has_group("carnet_de_bord.group_cdb_manager"):
                values["referent_id"] = self.env.user.id
            notebook = self.env["cdb.notebook"].create(values)
        return notebook.get_formview_action()
