from odoo import _, api, fields, models

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
    rsa_entry_date = fields.Date(
        "RSA since",
        help="The date the person entered the RSA (fiche de liaison, Annexe 7: "
             "\"RSA depuis le\").")
    rsa_has_activity = fields.Boolean("Has a professional activity")
    rsa_activity_income = fields.Float(
        "Own professional income (€ net/month)", digits=(12, 2))
    rsa_accompaniment_required = fields.Boolean(
        "Accompaniment required", compute="_compute_rsa_accompaniment_required",
        store=True)
    rsa_accompaniment_reason = fields.Char(compute="_compute_rsa_accompaniment_required")
    rsa_orientation_ids = fields.One2many(
        "rsa.orientation", "beneficiary_id", "Orientations")

    @api.depends("is_rsa_beneficiary", "rsa_household_resources", "rsa_lump_sum",
                 "rsa_has_activity", "rsa_activity_income")
    def _compute_rsa_accompaniment_required(self):
        threshold = ACTIVITY_INCOME_THRESHOLD.get(self.env)
        for partner in self:
            required, reason = partner._rsa_accompaniment_rule(threshold)
            partner.rsa_accompaniment_required = required
            partner.rsa_accompaniment_reason = reason

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
        })
        return values
