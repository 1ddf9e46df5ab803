from odoo import _, api, models


class ResPartner(models.Model):
    """Anonymisation of a beneficiary at the end of the retention period and
    the right-of-access export (issue "Audit and data protection")."""

    _inherit = "res.partner"

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
        delete their messages and documents and archive their logins."""
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
