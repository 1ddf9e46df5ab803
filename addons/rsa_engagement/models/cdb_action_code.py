from odoo import models

from .cer_contract import ENGAGEMENT


class CdbActionCode(models.Model):
    """Every action of the catalogue may be part of the plan d'action of a
    contrat d'engagement, whatever the parcours (the guide's spheres are
    the CER's)."""

    _inherit = "cdb.action.code"

    def _fits_contract(self, contract_type):
        if contract_type == ENGAGEMENT:
            return True
        return super()._fits_contract(contract_type)
