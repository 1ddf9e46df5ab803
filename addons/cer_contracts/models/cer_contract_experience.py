from odoo import fields, models


class CerContractExperience(models.Model):
    """Professional profile (guide: "descriptif des expériences
    professionnelles : emploi, formation…, compétences et connaissances
    acquises, type de contrat, durée du contrat, entreprise")."""

    _name = "cer.contract.experience"
    _cdb_notebook_field = "contract_id.notebook_id"
    _description = "Professional experience"
    _inherit = ["cer.part.mixin", "cer.drawn.up.mixin"]
    _cer_parent_fields = ("contract_id",)
    _order = "sequence, id"

    contract_id = fields.Many2one("cer.contract", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    job = fields.Char("Job or training", required=True)
    contract_kind = fields.Char("Type of contract")
    duration = fields.Char()
    company = fields.Char()
    skills = fields.Text("Skills and knowledge acquired")
