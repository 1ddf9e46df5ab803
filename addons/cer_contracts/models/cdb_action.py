from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CdbAction(models.Model):
    """An action of the carnet that is a line of a contract's plan (PAP)
    follows the contract's rules whichever way it is changed, as a PAP line
    or as an action of the carnet: once the contract is signed, it is
    cancelled (abandoned) or brought back only by an applied amendment, it
    stays in its carnet, and the contract's plan never holds only actions
    that "ne peut être la seule action" (guide, Annexe 6)."""

    _inherit = "cdb.action"

    pap_line_ids = fields.One2many("cer.pap.line", "action_id", "Lines of contracts")

    @api.multi
    def write(self, vals):
        if "state" in vals:
            self._check_cancellation_by_amendment(vals["state"])
        if "notebook_id" in vals:
            self._check_stays_in_its_carnet(vals["notebook_id"])
        result = super().write(vals)
        if "action_code_id" in vals:
            # sudo: the contract's rules hold whatever the user may read of it
            self.sudo().mapped("pap_line_ids")._check_annex6()
        if {"state", "action_code_id"} & set(vals) and \
                not self.env["cer.amendment"]._in_workflow_transition() and \
                not self.env["cer.contract"]._is_plan_in_progress():
            # an amendment being applied, or a contract's form saving its plan,
            # checks the plan once it is complete
            self._pap_contracts()._check_pap_not_alone()
        return result

    @api.constrains("action_code_id", "state", "notebook_id")
    def _check_not_alone(self):
        """"ne peut être la seule action" holds per plan: a contract's plan
        saved from its form is checked once complete, per contract
        (cer.contract._check_pap_not_alone), not action by action against
        the carnet (an action that cannot be alone may come first in the
        list of a new contract)."""
        if self.env["cer.contract"]._is_plan_in_progress():
            return
        super()._check_not_alone()

    @api.multi
    def unlink(self):
        contracts = self._pap_contracts()
        if contracts.filtered(lambda c: not c._is_editable()):
            raise UserError(_(
                "This action is in the plan of a signed contract: cancel it through an "
                "amendment (avenant) instead of deleting it."))
        result = super().unlink()
        contracts._check_pap_not_alone()
        return result

    def _pap_contracts(self):
        # sudo: the contract's rules hold whatever the user may read of it
        return self.sudo().mapped("pap_line_ids.contract_id")

    def _check_cancellation_by_amendment(self, state):
        """Guide, "LA FICHE DE LIAISON", quatrième situation: "redéfinition
        du PAP, annulation d'action …" by avenant only."""
        if self.env["cer.amendment"]._in_workflow_transition():
            return
        for action in self:
            if state == action.state or "abandoned" not in (state, action.state):
                continue
            if any(contract._is_plan_frozen() for contract in action._pap_contracts()):
                raise UserError(_(
                    "The action \"%s\" is in the plan of a signed contract: it is "
                    "cancelled (or brought back) by an amendment (avenant) signed by "
                    "the beneficiary.") % action.name)

    def _check_stays_in_its_carnet(self, notebook_id):
        for action in self:
            if action.notebook_id.id != notebook_id and action._pap_contracts():
                raise ValidationError(_(
                    "The action \"%s\" is in the plan of a contract: it stays in its "
                    "carnet.") % action.name)
