from odoo import api, fields, models


class RsaEpCase(models.Model):
    """An EP case opened from a fiche de liaison answers the fiche
    (cer_liaison_ep_followup.py)."""

    _inherit = "rsa.ep.case"

    liaison_ids = fields.One2many("cer.liaison", "ep_case_id", "Fiches de liaison")

    @api.multi
    def action_give_opinion(self, opinion):
        result = super().action_give_opinion(opinion)
        self._liaisons()._on_ep_opinion(self.env.user.partner_id)
        return result

    @api.multi
    def action_decide(self, decision):
        result = super().action_decide(decision)
        self._liaisons()._on_ep_case_closed(self.env.user.partner_id)
        return result

    @api.multi
    def action_cancel(self):
        result = super().action_cancel()
        self._liaisons()._on_ep_case_closed(self.env.user.partner_id)
        return result

    def _liaisons(self):
        """The fiches of these cases, whoever acts on them."""
        # sudo: the case's action was allowed (super() checked it); an EP
        # member does not read the fiches de liaison it answers
        return self.env["cer.liaison"].sudo().search([("ep_case_id", "in", self.ids)])

    def _case_file_contracts(self):
        """The contracts of the carnet for the EP case file (searched: an EP
        member reads them, not the carnet; security/cer_ep_rules.xml)."""
        self.ensure_one()
        return self.env["cer.contract"].search(
            [("notebook_id", "=", self.notebook_id.id)], order="date_start, id")
