from odoo import _, api, fields, models

from odoo.addons.carnet_de_bord.models.cdb_notebook_followed_mixin import followed_ids
from odoo.addons.cdb_base.exists_leaf import exists_leaf

from ..settings import ACTIVITY_INCOME_THRESHOLD, LUMP_SUM_AMOUNT


class ResPartner(models.Model):
    """Droits et devoirs (seed 003, "L'ORIENTATION"): "Une double condition
    est instaurée pour savoir si l'accompagnement est obligatoire : les
    ressources du foyer … qui doivent être inférieures au montant forfaitaire
    (=RSA socle), être BRSA … sans activité professionnelle ou avoir des
    ressources professionnelles inférieures à 500 euros nets par mois."
    "l'orientation et, donc, l'accompagnement sont des mesures individuelles":
    each spouse is a beneficiary with their own record. The figures are
    settings (``LUMP_SUM_AMOUNT``, ``ACTIVITY_INCOME_THRESHOLD``); these
    fields are cleared when the beneficiary is anonymised."""

    _inherit = "res.partner"

    rsa_spouse_id = fields.Many2one(
        "res.partner", "Spouse / partner", domain=[("is_rsa_beneficiary", "=", True)],
        help="The spouse, concubin or PACS partner gets their own orientation "
             "and accompaniment.")
    rsa_household_resources = fields.Float(
        "Household resources (€/month)", digits=(12, 2),
        help="Resources of the whole household (beneficiary and dependants).")
    rsa_lump_sum = fields.Float(
        "Montant forfaitaire of the household (€/month)", digits=(12, 2),
        default=lambda self: LUMP_SUM_AMOUNT.get(self.env),
        help="The RSA socle applicable to the household; defaults to the "
             "amount for a single person set in the configuration.")
    rsa_has_activity = fields.Boolean("Has a professional activity")
    rsa_activity_income = fields.Float(
        "Own professional income (€ net/month)", digits=(12, 2))
    rsa_accompaniment_required = fields.Boolean(
        "Accompaniment required", compute="_compute_rsa_accompaniment_required",
        store=True)
    rsa_accompaniment_reason = fields.Char(compute="_compute_rsa_accompaniment_required")
    rsa_orientation_ids = fields.One2many(
        "rsa.orientation", "beneficiary_id", "Orientations")
    rsa_ep_member_user_id = fields.Many2one(
        "res.users", "Member of an EP session of the person", compute="_compute_rsa_ep_member",
        search="_search_rsa_ep_member_user_id",
        help="Search only: the beneficiaries with a case in an EP session of this user.")

    # --------------------------------------- RSA entry, rights and duties
    rsa_entry_date = fields.Date(
        "RSA since", track_visibility="onchange",
        help="The RSA request date: DTDEMRSA of the CAF/MSA flux, or typed; printed as "
             "\"RSA depuis le\" on the fiche de liaison (Annexe 7).")
    rsa_flux_rights_duties = fields.Selection(
        [("subject", "Subject"), ("not_subject", "Not subject")],
        "Rights and duties (CAF/MSA flux)",
        help="What the last CAF/MSA flux said of the person (TOPPERSDRODEVORSA); empty "
             "when no flux said it.")
    rsa_flux_rights_duties_date = fields.Date(
        "Said by the flux since",
        help="Reference date of the first flux that gave the current value.")
    rsa_rights_duties = fields.Boolean(
        "Subject to rights and duties", compute="_compute_rsa_rights_duties", store=True,
        index=True,
        help="The flag of the CAF/MSA flux when a flux gave it, else the guide's rule "
             "(\"Accompaniment required\").")
    rsa_rights_duties_date = fields.Date(
        "Subject since", compute="_compute_rsa_rights_duties", store=True,
        help="From the flux: the reference date of the first flux that said so; from the "
             "guide's rule: the RSA entry date.")
    rsa_rights_duties_source = fields.Selection(
        [("flux", "CAF/MSA flux"), ("guide", "Guide's rule")], "Known from",
        compute="_compute_rsa_rights_duties", store=True)
    rsa_household_member_ids = fields.One2many(
        "rsa.household.member", "partner_id", "Household memberships")
    rsa_household_id = fields.Many2one(
        "rsa.household", "Household", compute="_compute_rsa_household_id", store=True,
        index=True, help="The household the person belongs to now (CAF/MSA flux).")
    rsa_household_size = fields.Integer(
        "Persons in the household", related="rsa_household_id.member_count")

    def _compute_rsa_ep_member(self):
        """Search-only field: nothing to show."""
        for partner in self:
            partner.rsa_ep_member_user_id = False

    def _search_rsa_ep_member_user_id(self, operator, value):
        """One SQL condition for the record rule (issue 15: the path
        ``cdb_notebook_ids.ep_case_ids.session_id.member_ids`` ran five
        searches on every read of a beneficiary)."""
        return [exists_leaf("id", """
            SELECT notebook.beneficiary_id
              FROM cdb_notebook notebook
              JOIN rsa_ep_case ep_case ON ep_case.notebook_id = notebook.id
              JOIN res_users_rsa_ep_session_rel session_member
                ON session_member.rsa_ep_session_id = ep_case.session_id
             WHERE session_member.res_users_id IN %s""", [followed_ids(operator, value)])]

    @api.depends("is_rsa_beneficiary", "rsa_household_resources", "rsa_lump_sum",
                 "rsa_has_activity", "rsa_activity_income")
    def _compute_rsa_accompaniment_required(self):
        threshold = ACTIVITY_INCOME_THRESHOLD.get(self.env)
        for partner in self:
            required, reason = partner._rsa_accompaniment_rule(threshold)
            partner.rsa_accompaniment_required = required
            partner.rsa_accompaniment_reason = reason

    @api.depends("rsa_flux_rights_duties", "rsa_flux_rights_duties_date",
                 "rsa_accompaniment_required", "rsa_entry_date")
    def _compute_rsa_rights_duties(self):
        for partner in self:
            subject, since, source = partner._rsa_rights_duties_rule()
            partner.rsa_rights_duties = subject
            partner.rsa_rights_duties_date = since
            partner.rsa_rights_duties_source = source

    def _rsa_rights_duties_rule(self):
        """(subject, since, source): the one definition of the droits et
        devoirs status. The CAF/MSA flux decides when it gave the flag
        (art. L262-28 CASF, the CAF/MSA computes it); else the guide's rule
        (seed 003, "L'ORIENTATION": resources under the montant forfaitaire,
        no activity or under the threshold), subject since the RSA entry
        date."""
        if self.rsa_flux_rights_duties:
            subject = self.rsa_flux_rights_duties == "subject"
            return subject, subject and self.rsa_flux_rights_duties_date or False, "flux"
        if not self.is_rsa_beneficiary:
            return False, False, False
        subject = self.rsa_accompaniment_required
        return subject, subject and self.rsa_entry_date or False, "guide"

    @api.depends("rsa_household_member_ids.active", "rsa_household_member_ids.household_id")
    def _compute_rsa_household_id(self):
        for partner in self:
            members = partner.rsa_household_member_ids.filtered("active")
            partner.rsa_household_id = members.sorted("id")[-1:].household_id

    def _rsa_accompaniment_rule(self, threshold):
        """(required, explanation) for this person."""
        if not self.is_rsa_beneficiary:
            return False, ""
        if self.rsa_household_resources >= self.rsa_lump_sum:
            return False, _("Household resources are not below the montant forfaitaire.")
        if self.rsa_has_activity and self.rsa_activity_income >= threshold:
            return False, _("Professional income of at least %.0f € net per month.") % threshold
        if self.rsa_has_activity:
            return True, _("Professional income under %.0f € net per month.") % threshold
        return True, _("No professional activity and household resources below "
                       "the montant forfaitaire.")

    # ----------------------------------------------------- data protection
    def _cdb_anonymous_values(self):
        values = super()._cdb_anonymous_values()
        values.update({
            "rsa_spouse_id": False, "rsa_household_resources": 0.0,
            "rsa_has_activity": False, "rsa_activity_income": 0.0,
            "rsa_entry_date": False,
        })
        return values
