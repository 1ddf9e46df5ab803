from datetime import timedelta

from odoo import api, fields, models

from ..settings import SOLIDARITY_DURATION_MONTHS
from .cer_contract import CONTRACT_TYPE_BY_ORIENTATION


class CdbDemoGenerator(models.AbstractModel):
    """Demo contracts in varied states for the demo carnets."""

    _inherit = "cdb.demo.generator"

    @api.model
    def generate_demo_contracts(self):
        self._in_french("cer_contracts")._generate_demo_contracts()
        return True

    def _generate_demo_contracts(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        orientations = self.env["rsa.orientation"].search(
            [("state", "=", "decided"), ("notebook_id.state", "=", "in_progress")], order="id")
        # Every other carnet gets a contract; the others stay "contract to
        # sign". A carnet that already has one (a second run) is left as it is.
        orientations = orientations.filtered(lambda o: o.id % 2 and not o.notebook_id.contract_ids)
        for index, orientation in enumerate(orientations):
            self._demo_contract(orientation, index, today)

    def _demo_contract(self, orientation, index, today):
        notebook = orientation.notebook_id
        contract_type = CONTRACT_TYPE_BY_ORIENTATION[orientation.orientation_type]
        start = fields.Date.from_string(orientation.date_decision) + timedelta(days=15)
        values = {
            "notebook_id": notebook.id,
            "orientation_id": orientation.id,
            "contract_type": contract_type,
            "date_start": fields.Date.to_string(start),
            "duration_months": SOLIDARITY_DURATION_MONTHS.get(self.env),
            "objectives": "Lever les freins identifiés lors du diagnostic et avancer "
                          "vers l'emploi à son rythme.",
            "referent_id": notebook.referent_id.id,
            "follow_up_place": notebook.structure_id.city,
            "reciprocity_activity": "Bénévolat à l'épicerie solidaire du quartier",
            "reciprocity_answer": "accepted" if index % 3 else "declined",
        }
        if contract_type == "ppae":
            values["ppae_date_end"] = fields.Date.to_string(start + timedelta(days=182))
        contract = self.env["cer.contract"].create(values)
        # (no action that "ne peut être la seule action": it might be alone;
        # the actions of the contract's sphere, without a condition of Annexe 6)
        actions = notebook.action_ids.filtered(
            lambda a: a.state in ("planned", "in_progress") and not a.action_code_id.not_alone
            and a.action_code_id._fits_contract(contract_type)
            and not a.action_code_id._effective_condition())
        for action in actions[:3]:
            self.env["cer.pap.line"].create({
                "contract_id": contract.id,
                "action_id": action.id,
                "beneficiary_engagement": "Se rendre aux rendez-vous et réaliser les démarches.",
                "referent_engagement":
                    "Accompagner les démarches et faire le point à chaque rendez-vous.",
            })
        if not contract.pap_line_ids or index % 4 == 0:
            return contract  # a draft being prepared
        contract.write({"beneficiary_signed_date": values["date_start"],
                        "referent_signed_date": values["date_start"]})
        # "Au préalable, à l'élaboration du contrat, l'échelle de distance à
        # l'emploi est à réaliser avec le bénéficiaire."
        self._demo_agreed_scale(notebook, values["date_start"])
        contract.action_sign()
        if index % 4 == 1:
            return contract
        contract.action_submit()
        if index % 4 == 2:
            return contract
        contract.action_validate()
        return contract

    def _demo_agreed_scale(self, notebook, date):
        """An employment-distance scale agreed with the beneficiary on
        ``date``, each item at its first level."""
        assessment = self.env["rsa.ede.assessment"].create(
            {"notebook_id": notebook.id, "date": date})
        for line in assessment.line_ids:
            line.level_id = line.item_id.level_ids.sorted("sequence")[:1]
        assessment.action_done()
        return assessment
