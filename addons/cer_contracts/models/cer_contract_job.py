from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..settings import MAX_JOBS_SOUGHT


class CerContractJob(models.Model):
    """A job sought (guide, CER professionnel: "Métier(s) recherché(s) : deux
    choix possibles avec le domaine, les caractéristiques des métiers
    recherchés ainsi que le salaire attendu et la situation du marché du
    travail local - avis du référent à cet effet")."""

    _name = "cer.contract.job"
    _cdb_notebook_field = "contract_id.notebook_id"
    _description = "Job sought"
    _inherit = ["cer.part.mixin", "cer.drawn.up.mixin"]
    _cer_parent_fields = ("contract_id",)
    _order = "sequence, id"

    contract_id = fields.Many2one("cer.contract", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    rome_code_id = fields.Many2one("cdb.rome.code", "Job (ROME)", required=True)
    domain_name = fields.Char(related="rome_code_id.domain_name", readonly=True)
    characteristics = fields.Text()
    expected_salary = fields.Char()
    local_market = fields.Text("Local labour market")
    referent_opinion = fields.Text("Référent's opinion")

    @api.constrains("contract_id")
    def _check_max_jobs(self):
        max_jobs = MAX_JOBS_SOUGHT.get(self.env)
        for contract in self.mapped("contract_id"):
            if len(contract.job_ids) > max_jobs:
                raise ValidationError(_("A contract lists at most %d jobs sought.") % max_jobs)
