from datetime import date, timedelta

from odoo import api, fields, models

from odoo.addons.rsa_orientation.settings import NEW_REGIME_DATE

from .cer_contract import ENGAGEMENT


class CdbDemoGenerator(models.AbstractModel):
    """The two regimes side by side in the demo département: contrats
    d'engagement with 15 hours a week on carnets oriented under the law and
    left without a contract by cer_contracts' demo, a PPAE signed under the
    guide's regime to convert, and a failure invited to present its
    observations."""

    _inherit = "cdb.demo.generator"

    @api.model
    def generate_demo_engagement(self):
        self._in_french("rsa_engagement")._generate_demo_engagement()
        return True

    def _generate_demo_engagement(self):
        regime = fields.Date.to_string(NEW_REGIME_DATE.get(self.env))
        orientations = self.env["rsa.orientation"].search([
            ("state", "=", "decided"), ("notebook_id.state", "=", "in_progress"),
            ("notebook_id.contract_ids", "=", False), ("date_decision", ">=", regime)],
            order="id", limit=3)
        contracts = self.env["cer.contract"]
        for orientation in orientations:
            contracts |= self._demo_engagement(orientation)
        if contracts:
            self._demo_manquement(contracts[0])
        self._demo_guide_ppae(orientations[:1].notebook_id)

    def _demo_engagement(self, orientation):
        notebook = orientation.notebook_id
        start = fields.Date.from_string(orientation.date_decision) + timedelta(days=10)
        contract = self.env["cer.contract"].create({
            "notebook_id": notebook.id, "orientation_id": orientation.id,
            "contract_type": ENGAGEMENT, "date_start": fields.Date.to_string(start),
            "referent_id": notebook.referent_id.id,
            "objectives": "Reprendre un rythme d'activité et construire un projet "
                          "professionnel réaliste.",
            "reciprocity_answer": "declined",
            "beneficiary_signed_date": fields.Date.to_string(start),
            "referent_signed_date": fields.Date.to_string(start),
        })
        Code = self.env["cdb.action.code"]
        for code, hours in ((Code.find_by_code("A.1.1"), 10.0), (Code.find_by_code("G.2.3"), 5.0)):
            self.env["cer.pap.line"].create({
                "contract_id": contract.id, "action_code_id": code.id,
                "date_start": contract.date_start, "planned_weekly_hours": hours,
                "date_deadline": contract.date_end,
                "beneficiary_engagement": "Participer aux séances chaque semaine.",
                "referent_engagement": "Faire le point toutes les deux semaines."})
        contract.action_sign()
        contract.action_submit()
        contract.action_validate()
        return contract

    def _demo_manquement(self, contract):
        manquement = self.env["rsa.manquement"].create({
            "notebook_id": contract.notebook_id.id, "contract_id": contract.id,
            "kind": "absence", "date_failure": fields.Date.context_today(self),
            "facts": "Absent à deux ateliers collectifs sans prévenir."})
        manquement.action_invite()
        return manquement

    def _demo_guide_ppae(self, template):
        """A beneficiary oriented and contracted under the guide's regime,
        still in force: the "to convert" list shows it."""
        if not template:
            return False
        partner = self.env["res.partner"].create({
            "firstname": "Gérard", "lastname": "Ancien-Régime", "is_rsa_beneficiary": True,
            "birthdate_date": "1971-03-12", "caf_number": "7777001", "zip": "62500",
            "city": "Saint-Omer", "country_id": self.env.ref("base.fr").id})
        notebook = self.env["cdb.notebook"].create({
            "beneficiary_id": partner.id, "territory_id": template.territory_id.id})
        referent = template.referent_id
        notebook._set_referent(referent, referent.cdb_structure_id)
        orientation = self.env["rsa.orientation"]._create_decided({
            "notebook_id": notebook.id, "orientation_type": "professional_ft",
            "referent_id": referent.id, "date_decision": "2024-10-15"})
        signed = date(2024, 11, 4)
        contract = self.env["cer.contract"].create({
            "notebook_id": notebook.id, "orientation_id": orientation.id,
            "contract_type": "ppae", "date_start": fields.Date.to_string(signed),
            "ppae_date_end": "2027-04-30", "referent_id": referent.id,
            "objectives": "Retrouver un emploi de cariste.",
            "reciprocity_answer": "declined",
            "beneficiary_signed_date": fields.Date.to_string(signed),
            "referent_signed_date": fields.Date.to_string(signed)})
        code = self.env["cdb.action.code"].find_by_code("G.2.3")
        self.env["cer.pap.line"].create({
            "contract_id": contract.id, "action_code_id": code.id,
            "date_start": contract.date_start, "date_deadline": "2025-05-31",
            "bilan_comment": "Deux entretiens obtenus."})
        contract.action_sign()
        contract.action_submit()
        contract.action_validate()
        return contract
