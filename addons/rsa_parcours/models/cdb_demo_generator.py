from datetime import timedelta

from odoo import api, fields, models


class CdbDemoGenerator(models.AbstractModel):
    """The law's regime on a few demo carnets, beside the guide's: two
    beneficiaries subject to rights and duties oriented under the law (one
    social parcours notified, one emploi parcours decided, to notify), one
    past the 6-week delay without an orientation since."""

    _inherit = "cdb.demo.generator"

    @api.model
    def generate_demo_parcours(self):
        """Demo data of the module (called by demo/rsa_parcours_demo.xml)."""
        self._in_french("rsa_parcours")._generate_demo_parcours()
        return True

    def _generate_demo_parcours(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        notebooks = self.env["cdb.notebook"].search([
            ("referent_id", "!=", False), ("contract_ids", "=", False),
            ("state", "!=", "closed")], order="id desc", limit=2)
        if len(notebooks) < 2:
            return False
        social, employment = notebooks
        self._demo_subject(social, today - timedelta(days=30))
        self._demo_subject(employment, today - timedelta(days=20))
        self._demo_subject(self._demo_new_carnet(social.referent_id, social.territory_id),
                           today - timedelta(days=50))
        self._demo_law_orientation(social, "rsa_parcours.parcours_social",
                                   "carnet_de_bord.demo_structure_departement", today,
                                   notify=True, criteria={
                                       "employment_situation": "long_term",
                                       "qualification": "none", "projection": "no",
                                       "housing_impact": "strong"})
        self._demo_law_orientation(employment, "rsa_parcours.parcours_employment",
                                   "carnet_de_bord.demo_structure_france_travail", today,
                                   criteria={"employment_situation": "recent",
                                             "qualification": "bac", "projection": "yes"})
        return True

    def _demo_new_carnet(self, referent, territory):
        """A new beneficiary without orientation: past the 6-week delay."""
        partner = self.env["res.partner"].create({
            "lastname": "Lefebvre", "firstname": "Nadia", "is_rsa_beneficiary": True,
            "birthdate_date": "1991-06-14", "caf_number": "9900000777",
            "street": "8 rue des Capucins", "zip": "62000", "city": "Arras"})
        return self.env["cdb.notebook"].create({
            "beneficiary_id": partner.id, "referent_id": referent.id,
            "territory_id": territory.id})

    @staticmethod
    def _demo_subject(notebook, since):
        notebook.beneficiary_id.write({
            "rsa_entry_date": fields.Date.to_string(since),
            "rsa_flux_rights_duties": "subject",
            "rsa_flux_rights_duties_date": fields.Date.to_string(since),
            "ft_registration_status": "registered",
            "ft_registration_date": fields.Date.to_string(since + timedelta(days=3))})

    def _demo_law_orientation(self, notebook, parcours, organism, today, criteria,
                              notify=False):
        values = {"criteria_" + name: value for name, value in criteria.items()}
        values.update({
            "notebook_id": notebook.id, "parcours_id": self.env.ref(parcours).id,
            "organism_id": self.env.ref(organism).id, "referent_id": notebook.referent_id.id,
            "correspondant_id": self.env.ref("carnet_de_bord.demo_user_correspondant").id,
            "date_decision": fields.Date.to_string(today - timedelta(days=5)),
        })
        orientation = self.env["rsa.orientation"].create(values)
        orientation.action_decide()
        if notify:
            orientation.action_notify()
        return orientation
