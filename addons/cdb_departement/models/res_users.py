from odoo import api, models

from odoo.addons.carnet_de_bord.models.res_users import MANAGER


class ResUsers(models.Model):
    """The département's managers land on their dashboard (issue 14)."""

    _inherit = "res.users"

    @api.model
    def _cdb_homes(self):
        return [(MANAGER, "cdb_departement.cdb_dashboard_action")] + super()._cdb_homes()
