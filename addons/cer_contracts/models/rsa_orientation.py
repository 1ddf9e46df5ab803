from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cdb_base.tools import format_date

from .cer_contract import SIGNED_STATES


def orientation_signatures(where="c.orientation_id IS NOT NULL"):
    """SQL of ``(orientation_id, signed)``: the first signature of a contract
    of each orientation, among the contracts ``c`` matching ``where`` (SQL
    over ``cer_contract c``; its parameters are the caller's). A contract
    counts from its ``signed_date``: the later of the two signatures, once
    signed and unless rejected (``SIGNED_STATES``)."""
    return """
SELECT c.orientation_id, min(c.signed_date) AS signed FROM cer_contract c
 WHERE {where} GROUP BY c.orientation_id
HAVING min(c.signed_date) IS NOT NULL""".format(where=where)


SIGNED_LATE_SQL = """
SELECT o.id FROM rsa_orientation o JOIN ({signatures}) s ON s.orientation_id = o.id
 WHERE s.signed > o.contract_deadline""".format(signatures=orientation_signatures())


class RsaOrientation(models.Model):
    """The contract that follows an orientation decision: whether one is
    signed (its deadline, rsa_orientation), when, and whether it was late
    (guide, "L'ACCOMPAGNEMENT": the référent "Doit, sous un mois après
    l'orientation, conclure un contrat" in the professional sphere, "sous
    deux mois" in the solidarity sphere)."""

    _inherit = "rsa.orientation"

    contract_ids = fields.One2many("cer.contract", "orientation_id", "Contracts")
    contract_signed_date = fields.Date(
        "Contract signed on", compute="_compute_contract_signed_date",
        help="The first signature of a contract following this orientation.")
    contract_signed_late = fields.Boolean(
        compute="_compute_contract_signed_date",
        search="_search_contract_signed_late",
        help="The contract was signed after the legal deadline.")

    @api.depends("contract_ids.state")
    def _compute_contract_signed(self):
        for orientation in self:
            orientation.contract_signed = any(
                contract._is_signed() for contract in orientation.contract_ids)

    @api.model
    def _signed_contract_leaf(self):
        """The orientations with a signed contract, as an SQL sub-select: no
        id list loaded, whatever the number of contracts."""
        return ("id", "inselect", (
            "SELECT orientation_id FROM cer_contract"
            " WHERE orientation_id IS NOT NULL AND state IN %s", [SIGNED_STATES]))

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
        self.env.cr.execute(SIGNED_LATE_SQL)
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

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
            "motive": _("No contract signed by %s, deadline of the orientation decided on "
                        "%s.") % (format_date(self.contract_deadline),
                                  format_date(self.date_decision)),
        })
        return case.get_formview_action()
