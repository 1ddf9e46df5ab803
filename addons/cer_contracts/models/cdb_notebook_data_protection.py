from odoo import models


class CdbNotebook(models.Model):
    """Contracts and fiches de liaison of a carnet follow it in the retention
    purge and the right-of-access export (carnet_de_bord,
    models/cdb_notebook_data_protection.py): a record comes before those it
    points to with ondelete="restrict" (fiche → contract, amendment, EDE;
    contract → orientation)."""

    _inherit = "cdb.notebook"

    def _cdb_personal_records(self):
        notebooks = self.sudo().with_context(active_test=False)
        liaisons = self.env["cer.liaison"].sudo().with_context(active_test=False).search(
            [("notebook_id", "in", notebooks.ids)])
        contracts = notebooks.mapped("contract_ids")
        return [
            liaisons,
            contracts.mapped("amendment_ids"),
            contracts.mapped("pap_line_ids"),
            contracts.mapped("job_offer_ids"),
            contracts.mapped("job_ids"),
            contracts.mapped("experience_ids"),
            contracts,
        ] + super()._cdb_personal_records()
