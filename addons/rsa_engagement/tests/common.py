"""What the tests of rsa_engagement share: cer_contracts' carnets and
contract helpers, plus contrats d'engagement with their planned hours, a
PPAE signed under the guide's regime, and failures taken through their
stages by the users who do it (the référent records and invites, the
correspondant of the territory decides)."""
from odoo.addons.cer_contracts.tests.common import ContractCase
from odoo.addons.rsa_orientation.tests.common import apply_the_law

# An action of the catalogue for the plans (any sphere fits a contrat
# d'engagement).
CODE = "A.1.1"
# Under the law, the parcours and the kind of organisme référent of each of
# the guide's orientation types used by cer_contracts' helpers.
LAW_PARCOURS = {
    "solidarity": ("rsa_parcours.parcours_social", "departement"),
    "professional_ft": ("rsa_parcours.parcours_employment", "france_travail"),
    "professional_other": ("rsa_parcours.parcours_socio_professional", "departement"),
}


class EngagementCase(ContractCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        apply_the_law(cls.env)
        Parcours = cls.env["rsa.parcours"]
        cls.organismes = {
            kind: cls.env["res.partner"].create({
                "name": "UT Organisme %s" % kind, "is_company": True,
                "cdb_is_structure": True, "cdb_is_organisme_referent": True,
                "cdb_organism_kind": kind,
                "cdb_parcours_ids": [(6, 0, Parcours.search([]).ids)]})
            for kind in ("france_travail", "departement")}

    @classmethod
    def _orientation_values(cls, notebook, orientation_type, date_decision):
        """Decided under the law: its parcours and organisme référent
        (rsa_parcours' condition to decide)."""
        values = super()._orientation_values(notebook, orientation_type, date_decision)
        if cls.env["rsa.orientation"]._law_applies_on(date_decision):
            parcours, kind = LAW_PARCOURS[orientation_type]
            values.update({"parcours_id": cls.env.ref(parcours).id,
                           "organism_id": cls.organismes[kind].id})
        return values

    # ------------------------------------------------------------ contracts
    def _engagement(self, notebook, hours=(10.0, 5.0), **vals):
        """A draft contrat d'engagement written by the référent, one action
        per entry of ``hours`` (its planned hours a week)."""
        vals.setdefault("contract_type", "engagement")
        contract = self._contract(notebook, **vals)
        for planned in hours:
            self._pap_line(contract, code=CODE, planned_weekly_hours=planned)
        return contract

    def _signed_engagement(self, notebook, **vals):
        return self._sign(self._engagement(notebook, **vals))

    def _running_engagement(self, notebook, **vals):
        contract = self._signed_engagement(notebook, **vals)
        contract.sudo(self.referent).action_submit()
        contract.sudo(self.correspondant).action_validate()
        contract.invalidate_cache()
        self.assertEqual(contract.state, "running")
        return contract

    def _guide_ppae(self, signed="2024-11-15", date_end="2027-06-30"):
        """A PPAE signed under the guide's regime, validated, in force."""
        notebook = self._oriented_notebook("professional_ft", date_decision="2024-11-01",
                                           scale=False)
        contract = self._contract(notebook, date_start=signed, ppae_date_end=date_end)
        self._pap_line(contract, code="G.2.3", bilan_comment="CV refait, deux candidatures.")
        contract.sudo(self.referent).write({
            "beneficiary_signed_date": signed, "referent_signed_date": signed,
            "reciprocity_answer": "declined"})
        contract.sudo(self.referent).action_sign()
        contract.sudo(self.referent).action_submit()
        contract.sudo(self.correspondant).action_validate()
        contract.invalidate_cache()
        return contract

    # ------------------------------------------------------------- failures
    def _manquement(self, notebook, **vals):
        values = {"notebook_id": notebook.id, "kind": "absence",
                  "facts": "Absent au rendez-vous du 3 novembre sans prévenir.",
                  "date_failure": self.today}
        values.update(vals)
        return self.env["rsa.manquement"].sudo(self.referent).create(values)

    def _observed(self, notebook, **vals):
        """A failure the person answered: ready for the decision."""
        record = self._manquement(notebook, **vals)
        record.sudo(self.referent).action_invite()
        record.sudo(self.referent).observations = "Je n'ai pas reçu la convocation."
        record.sudo(self.referent).action_record_observations()
        return record

    def _decide(self, record, decision="suspension", rate=30, months=1, user=None):
        record.sudo(user or self.correspondant).decision_motive = "Aucun motif légitime."
        wizard = self.env["rsa.sanction.decision.wizard"].sudo(user or self.correspondant).create(
            {"manquement_id": record.id, "decision": decision, "rate": rate, "months": months})
        wizard.action_decide()
        record.invalidate_cache()
        return record

    def _household(self, notebook, persons):
        """The beneficiary's household of ``persons`` persons (CAF flux)."""
        household = self.env["rsa.household"].create({"matricule": "M%d" % notebook.id})
        partners = notebook.beneficiary_id
        for index in range(persons - 1):
            partners |= self._beneficiary("Foyer%s" % chr(ord("a") + index))
        for partner in partners:
            self.env["rsa.household.member"].create(
                {"household_id": household.id, "partner_id": partner.id})
        notebook.beneficiary_id.invalidate_cache()
        self.assertEqual(notebook.beneficiary_id.rsa_household_size, persons)
        return household
