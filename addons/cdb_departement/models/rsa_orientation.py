from odoo import _, fields, models
from odoo.exceptions import UserError

from ..report.sql_queries import orientation_signatures


class RsaOrientation(models.Model):
    _inherit = "rsa.orientation"

    contract_signed_date = fields.Date(
        "Contract signed on", compute="_compute_contract_signed_date",
        help="The first signature of a contract following this orientation.")
    contract_signed_late = fields.Boolean(
        "Contract signed late", compute="_compute_contract_signed_date",
        search="_search_contract_signed_late",
        help="The contract was signed after the legal deadline.")

    def _compute_contract_signed_date(self):
        signatures = {}
        if self.ids:
            self.env.cr.execute(orientation_signatures("c.orientation_id IN %s"),
                                (tuple(self.ids),))
            signatures = dict(self.env.cr.fetchall())
        for orientation in self:
            signed = signatures.get(orientation.id) or False  # "YYYY-MM-DD" from the cursor
            orientation.contract_signed_date = signed
            orientation.contract_signed_late = bool(
                signed and orientation.contract_deadline
                and signed > orientation.contract_deadline)

    def _search_contract_signed_late(self, operator, value):
        """Orientations whose first contract was signed after the deadline,
        in one query."""
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the contracts signed late."))
        self.env.cr.execute(
            "SELECT o.id FROM rsa_orientation o JOIN (%s) s ON s.orientation_id = o.id "
            "WHERE s.signed > o.contract_deadline" % orientation_signatures())
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]
