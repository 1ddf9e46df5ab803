from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CdbDemoGenerator(models.AbstractModel):
    """Demo orientations, an EP session and cases for the demo carnets."""

    _inherit = "cdb.demo.generator"

    @api.model
    def generate_demo_orientations(self):
        """Demo data of the module (called by demo/rsa_orientation_demo.xml)."""
        self._in_french("rsa_orientation")._generate_demo_orientations()
        return True

    def _generate_demo_orientations(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        correspondant = self.env.ref("carnet_de_bord.demo_user_correspondant")
        france_travail = self.env.ref("carnet_de_bord.demo_structure_france_travail")
        notebooks = self.env["cdb.notebook"].search(
            [("referent_id", "!=", False)], order="id")
        for index, notebook in enumerate(notebooks):
            professional = notebook.structure_id == france_travail
            # Some decisions are recent, some old enough for the contract to be late.
            decided = today - relativedelta(days=10 + (index * 13) % 90)
            orientation = self.env["rsa.orientation"].create({
                "notebook_id": notebook.id,
                "orientation_type": "professional_ft" if professional else "solidarity",
                "organism_id": notebook.structure_id.id,
                "referent_id": notebook.referent_id.id,
                "correspondant_id": correspondant.id,
                "basis": "team" if index % 3 else "default",
                "date_decision": fields.Date.to_string(decided),
            })
            orientation.action_decide()
        self._generate_demo_ep_session(notebooks[:3], today)

    def _generate_demo_ep_session(self, notebooks, today):
        member = self.env.ref("rsa_orientation.demo_user_ep_member")
        session = self.env["rsa.ep.session"].create({
            "date": fields.Datetime.to_string(today + timedelta(days=12)),
            "territory": "Arrageois",
            "place": "Maison du Département Solidarité d'Arras",
            "president_id": self.env.ref("carnet_de_bord.demo_user_manager").id,
            "member_ids": [(6, 0, member.ids)],
        })
        for notebook, case_type in zip(notebooks, ("reorientation", "suspension", "reorientation")):
            reorientation = case_type == "reorientation"
            self.env["rsa.ep.case"].create({
                "notebook_id": notebook.id,
                "session_id": session.id,
                "case_type": case_type,
                "reorientation_reason": "situation_change" if reorientation else False,
                "requested_orientation_type": "professional_ft" if reorientation else False,
                "suspension_reason": False if reorientation else "no_contract",
                "motive": "Situation présentée par le référent lors de l'entretien de suivi.",
            })
        return session
