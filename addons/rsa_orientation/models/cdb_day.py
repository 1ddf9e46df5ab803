from odoo import fields, models

from odoo.addons.carnet_de_bord.models.cdb_day import DAY, QUEUE, SECTION_LIMIT

from .cdb_notebook import PERM_DECIDE
from .rsa_orientation import PROPOSED

QUEUE_SCAN = 200


class CdbDay(models.TransientModel):
    """The orientations of the homes: the référent's proposals waiting for
    the decision, the correspondant's proposals to decide (oldest first)."""

    _inherit = "cdb.day"

    proposal_ids = fields.Many2many(
        "rsa.orientation", "cdb_day_proposal_rel", string="Proposals waiting for a decision",
        compute="_compute_sections")
    decide_orientation_ids = fields.Many2many(
        "rsa.orientation", "cdb_day_decide_orientation_rel",
        string="Orientations to decide", compute="_compute_sections")

    def _section_values(self):
        values = super()._section_values()
        Orientation = self.env["rsa.orientation"]
        if self.mode == DAY:
            values["proposal_ids"] = Orientation.search(
                [("state", "=", PROPOSED), ("proposal_user_id", "=", self.env.uid)],
                order="proposal_date, id", limit=SECTION_LIMIT)
        elif self.mode == QUEUE:
            proposals = Orientation.search([("state", "=", PROPOSED)],
                                           order="proposal_date, id", limit=QUEUE_SCAN)
            values["decide_orientation_ids"] = proposals.filtered(
                lambda o: o.notebook_id._cdb_may(PERM_DECIDE))[:SECTION_LIMIT]
        return values
