from odoo import api, fields, models


class CdbNotebook(models.Model):
    _inherit = "cdb.notebook"

    contract_ids = fields.One2many("cer.contract", "notebook_id", "Contracts")
    contract_id = fields.Many2one(
        "cer.contract", "Contract in force", compute="_compute_contract_id")

    @api.depends("contract_ids.state")
    def _compute_contract_id(self):
        for notebook in self:
            notebook.contract_id = notebook.contract_ids.filtered(
                lambda c: c.state in ("validated", "running"))[:1]

    @api.multi
    def action_new_contract(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "cer.contract",
            "view_mode": "form",
            "target": "current",
            "context": {"default_notebook_id": self.id},
        }
