from odoo import fields, models

from odoo.addons.carnet_de_bord.models.cdb_day import DAY, QUEUE, SECTION_LIMIT

from .cer_liaison_workflow import STATES as LIAISON_STATES

# A fiche waiting for an answer: sent, and not yet closed or cancelled.
LIAISON_WAITING_STATES = tuple(
    state for state, _label in LIAISON_STATES if state not in ("draft", "closed", "cancelled"))
# How many records the queue examines for the policy before keeping
# SECTION_LIMIT of them.
QUEUE_SCAN = 200


class CdbDay(models.TransientModel):
    """The contracts and fiches de liaison of the homes: the référent's
    contracts to sign or expiring and fiches waiting for an answer; the
    correspondant's contracts and fiches to decide, oldest first."""

    _inherit = "cdb.day"

    sign_contract_ids = fields.Many2many(
        "cer.contract", "cdb_day_sign_contract_rel", string="Contracts to sign",
        compute="_compute_sections")
    expiring_contract_ids = fields.Many2many(
        "cer.contract", "cdb_day_expiring_contract_rel", string="Contracts expiring",
        compute="_compute_sections")
    waiting_liaison_ids = fields.Many2many(
        "cer.liaison", "cdb_day_waiting_liaison_rel",
        string="Fiches de liaison waiting for an answer", compute="_compute_sections")
    decide_contract_ids = fields.Many2many(
        "cer.contract", "cdb_day_decide_contract_rel", string="Contracts to decide",
        compute="_compute_sections")
    decide_liaison_ids = fields.Many2many(
        "cer.liaison", "cdb_day_decide_liaison_rel",
        string="Fiches de liaison to answer or decide", compute="_compute_sections")

    def _section_values(self):
        values = super()._section_values()
        Contract = self.env["cer.contract"]
        Liaison = self.env["cer.liaison"]
        if self.mode == DAY:
            mine = [("notebook_id.referent_id", "=", self.env.uid)]
            values.update({
                "sign_contract_ids": Contract.search(
                    mine + [("state", "=", "draft")], order="date_start, id",
                    limit=SECTION_LIMIT),
                "expiring_contract_ids": Contract.search(
                    mine + Contract._expiring_domain(), order="date_end, id",
                    limit=SECTION_LIMIT),
                "waiting_liaison_ids": Liaison.search(
                    [("referent_id", "=", self.env.uid),
                     ("state", "in", LIAISON_WAITING_STATES)],
                    order="date_sent, id", limit=SECTION_LIMIT),
            })
        elif self.mode == QUEUE:
            contracts = Contract.search([("state", "=", "submitted")],
                                        order="signed_date, id", limit=QUEUE_SCAN)
            to_answer = Liaison.search([("state", "=", "sent"),
                                        ("correspondant_id", "=", self.env.uid)],
                                       order="date_sent, id", limit=QUEUE_SCAN)
            to_decide = Liaison.search([("state", "=", "opinion")],
                                       order="date_sent, id", limit=QUEUE_SCAN)
            values.update({
                "decide_contract_ids": contracts.filtered(
                    lambda c: c.notebook_id._cdb_may("decide_contract"))[:SECTION_LIMIT],
                "decide_liaison_ids": (to_answer | to_decide.filtered(
                    lambda f: f.notebook_id._cdb_may("decide_liaison"))).sorted(
                        lambda f: (f.date_sent or "", f.id))[:SECTION_LIMIT],
            })
        return values
