from odoo import api, models


class CdbFranceTravailRecord(models.Model):
    """A line of the France Travail extract read by cdb_flux records the
    automatic registration on the beneficiary (loi pour le plein emploi):
    its date, the status "registered" and the identifier when none is known
    yet. An older line than the registration known says nothing new."""

    _inherit = "cdb.france.travail.record"

    @api.model
    def create(self, vals):
        record = super().create(vals)
        record._apply_registration()
        return record

    def _apply_registration(self):
        partner = self.partner_id
        if not self.registration_date or (
                partner.ft_registration_date and
                partner.ft_registration_date > self.registration_date):
            return False
        values = {"ft_registration_date": self.registration_date,
                  "ft_registration_status": "registered"}
        if self.france_travail_uid and not partner.france_travail_id:
            values["france_travail_id"] = self.france_travail_uid
        return partner.write(values)
