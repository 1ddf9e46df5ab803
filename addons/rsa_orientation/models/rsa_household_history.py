from odoo import fields, models

from .rsa_household import RIGHT_STATES


class RsaHouseholdHistory(models.Model):
    """What one CAF/MSA flux said of a household: the flux (date and time
    of creation, reference date, type), the state of the right, the droits
    et devoirs flag, the members with their role, and a fingerprint of the
    whole. Written by the flux import only; a flux older than the newest
    one applied is recorded here but not applied (``applied``)."""

    _name = "rsa.household.history"
    _description = "What a CAF/MSA flux said of a household"
    _order = "flux_stamp desc, id desc"

    household_id = fields.Many2one("rsa.household", "Household", required=True,
                                   ondelete="cascade", index=True)
    flux_stamp = fields.Char("Flux created on", required=True,
                             help="DTCREAFLUX and HEUCREAFLUX of the flux.")
    reference_date = fields.Date(help="DTREF of the flux.")
    flux_type = fields.Char(help="TYPEFLUX: M (monthly), Q (daily)…")
    source = fields.Char("File")
    right_state = fields.Selection(RIGHT_STATES, "State of the right")
    rights_duties = fields.Boolean("Household subject to rights and duties")
    summary = fields.Text("What the flux said")
    fingerprint = fields.Char(index=True, help="SHA-256 of what the flux said of the "
                              "household: the same flux read again changes nothing.")
    applied = fields.Boolean(help="False when a newer flux had already been applied.")
