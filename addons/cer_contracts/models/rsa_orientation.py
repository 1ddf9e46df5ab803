from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date


SIGNED_STATES = ("signed", "submitted", "validated", "running", "ended", "renewed")


class RsaOrientation(models.Model):
    _inherit = "rsa.orientation"

    contract_ids = fields.One2many("cer.contract", "orientation_id", "Contracts")

    @api.depends("contract_ids.state")
    def _compute_contract_signed(self):
        for orientation in self:
            orientation.contract_signed = any(
                c.state in SIGNED_STATES for c in orientation.contract_ids)

    @api.model
    def _signed_contract_leaf(self):
        """The orientations with a signed contract, as an SQL sub-select: no
        id list loaded, whatever the number of contracts."""
        return ("id", "inselect", (
            "SELECT orientation_id FROM cer_contract"
            " WHERE orientation_id IS NOT NULL AND state IN %s", [SIGNED_STATES]))

    @api.multi
    def action_ep_case_no_contract(self):
        """One click: a contract not signed in time goes to the EP for a
        suspension (guide, "LA FICHE DE LIAISON", troisième situation)."""
        self.ensure_one()
        if not self.is_overdue:
            raise UserError(_("The contract deadline has not passed."))
        case = self.env["rsa.ep.case"].create({
            "notebook_id": self.notebook_id.id,
            "case_type": "suspension",
            "suspension_reason": "no_contract",
            "origin_orientation_id": self.id,
            "motive": _("No contract signed by %s, deadline of the orientation decided on %s.")
                      % (format_date(self.contract_deadline), format_date(self.date_decision)),
        })
        return case.get_formview_action()
