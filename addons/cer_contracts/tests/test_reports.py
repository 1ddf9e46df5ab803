"""The printed documents: the contract in two originals, the fiche de
liaison as the paper form of Annexe 7, the summary of the carnet."""
import re
from html import unescape

from .common import LiaisonCase

A11_LABEL = "Accompagnement logement dans le cadre du FSL"


class TestReports(LiaisonCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The first rendering builds the report stylesheet bundle (LESS
        # compilation, ~20 s): once for the class, not once per test.
        cls.env.ref("cer_contracts.action_report_cer_contract").render_qweb_html(
            cls.contract.ids)

    def _raw_html(self, report_xmlid, records):
        html, report_format = self.env.ref(report_xmlid).render_qweb_html(records.ids)
        self.assertEqual(report_format, "html")
        return html.decode("utf-8") if isinstance(html, bytes) else html

    def _html(self, report_xmlid, records):
        """The text a reader sees: no tags, entities decoded, blanks collapsed."""
        html = self._raw_html(report_xmlid, records)
        return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))

    def _assertInOrder(self, text, parts):
        positions = [text.find(part) for part in parts]
        for part, position in zip(parts, positions):
            self.assertNotEqual(position, -1, "missing in the document: %s" % part)
        self.assertEqual(positions, sorted(positions),
                         "the sections must follow the guide's order: %s" % parts)

    # ------------------------------------------------------------ contract
    def test_solidarity_contract_two_originals(self):
        self.contract.write({"reciprocity_activity": "Bénévolat à l'épicerie solidaire"})
        text = self._html("cer_contracts.action_report_cer_contract", self.contract)
        self.assertIn("Contrat d'engagements réciproques – solidarité", text)
        self.assertEqual(text.count("Exemplaire 1/2 – bénéficiaire"), 1)
        self.assertEqual(text.count("Exemplaire 2/2 – Département"), 1)
        self.assertEqual(text.count("Contrat n° %s" % self.contract.name), 2,
                         "the whole contract is printed twice")
        # The PAP line with the exact catalogue label, both engagements.
        self.assertEqual(text.count("A.1.1 %s" % A11_LABEL), 2)
        self.assertIn("Constituer le dossier FSL avec les justificatifs.", text)
        self.assertIn("Transmettre le dossier à la commission FSL.", text)
        # The socle commun, both sides.
        self.assertIn("Être assidu aux rendez-vous.", text)
        self.assertIn("Proposer des temps collectifs entre allocataires", text)
        self.assertIn("Bénévolat à l'épicerie solidaire", text)
        # Signatures with their dates, and the President's decision.
        beneficiary = self.notebook.beneficiary_id.name
        self.assertEqual(text.count("Le bénéficiaire %s Signé le : " % beneficiary), 2)
        self.assertIn("Le référent %s Signé le : " % self.referent.name, text)
        self.assertIn("☒ Contrat validé", text)
        self._assertInOrder(text, [
            "1. Vous (état civil)", "2. Vos objectifs", "3. Votre plan d'actions personnalisé",
            "4. Nos engagements réciproques", "5. Réciprocité", "6. Votre référent",
            "7. Vos remarques", "8. Décision du Président du Département", "9. Signatures",
            "Exemplaire 2/2 – Département"])
        self.assertNotIn("Fiche de suivi emploi", text, "professional contracts only")
        self.assertNotIn("conclusion de l'entretien", text, "professional contracts only")

    def test_solidarity_contract_prints_the_jobs_sought(self):
        """Annexe 5, CER solidarité: "objectif de l'accompagnement solidarité
        avec perspective professionnelle ainsi que le ou les emploi(s)
        recherché(s)"."""
        rome = self.env["cdb.rome.code"].search([], limit=1)
        self.env["cer.contract.job"].create({
            "contract_id": self.contract.id, "rome_code_id": rome.id,
            "expected_salary": "SMIC"})
        text = self._html("cer_contracts.action_report_cer_contract", self.contract)
        self._assertInOrder(text, ["2. Vos objectifs", "Le ou les emplois que vous recherchez",
                                   rome.name, "3. Votre plan d'actions personnalisé"])

    def test_originals_on_separate_pages_of_one_document(self):
        """The second original starts on a new page, inside the same article:
        Debian's wkhtmltopdf (unpatched Qt) renders one input document only,
        a second article would give an empty PDF."""
        html = self._raw_html("cer_contracts.action_report_cer_contract", self.contract)
        self.assertEqual(len(re.findall(r'class="article[ "]', html)), 1)
        second = html.index("Exemplaire 2/2")
        page_start = html.rindex('class="page', 0, second)
        self.assertIn("page-break-before: always", html[page_start:second])

    def test_professional_contract_sections(self):
        notebook = self._notebook("Professionnel", referent=self.referent,
                                  territory_id=self.territory.id)
        self.env["rsa.orientation"].create({
            "notebook_id": notebook.id, "orientation_type": "professional_other",
            "referent_id": self.referent.id, "organism_id": self.structure_a.id,
            "date_decision": self.today}).action_decide()
        rome = self.env["cdb.rome.code"].search([], limit=1)
        # said once: the RQTH is the situation's (carnet_de_bord)
        self.env["cdb.situation"].create({"notebook_id": notebook.id, "rqth": True})
        contract = self._running_contract(
            notebook, duration_months=3, preferred_zone="Arras et 20 km",
            registered_france_travail=True,
            experience_ids=[(0, 0, {"job": "Agent de propreté", "company": "Net'Plus",
                                    "duration": "18 mois"})],
            job_ids=[(0, 0, {"rome_code_id": rome.id, "expected_salary": "SMIC"})],
            interview_conclusion="Projet validé : agent de propreté en collectivité.")
        self.env["cer.job.offer"].create({
            "contract_id": contract.id, "offer": "Agent d'entretien – mairie d'Arras",
            "reasonable": True, "result": "partial",
            "result_motive": "Entretien passé, en attente.",
        })
        text = self._html("cer_contracts.action_report_cer_contract", contract)
        self.assertIn("Contrat d'engagements réciproques – professionnel", text)
        self.assertEqual(text.count("Exemplaire"), 2)
        self._assertInOrder(text, [
            "1. Vous (état civil)", "2. Votre situation professionnelle",
            "3. Votre situation face à l'emploi", "Votre profil professionnel",
            "Les métiers que vous recherchez", "4. Vos objectifs",
            "5. Plan d'accompagnement professionnel : conclusion de l'entretien",
            "Projet validé : agent de propreté en collectivité.",
            "6. Votre plan d'actions personnalisé", "7. Fiche de suivi emploi",
            "8. Nos engagements réciproques", "9. Réciprocité", "10. Votre référent",
            "11. Vos remarques", "12. Décision du Président du Département",
            "13. Signatures"])
        self.assertIn("Reconnu travailleur handicapé (RQTH) oui", text)
        self.assertIn("Agent de propreté", text)
        self.assertIn(rome.name, text)
        self.assertIn("Agent d'entretien – mairie d'Arras", text)
        self.assertIn("Partiellement atteint Entretien passé, en attente.", text)

    def test_ppae_record_sheet_prints_once(self):
        notebook = self._notebook("Ppae", referent=self.referent, territory_id=self.territory.id)
        self.env["rsa.orientation"].create({
            "notebook_id": notebook.id, "orientation_type": "professional_ft",
            "referent_id": self.referent.id, "date_decision": self.today}).action_decide()
        contract = self._running_contract(
            notebook, ppae_date_end=self._shift(self.today, months=4))
        text = self._html("cer_contracts.action_report_cer_contract", contract)
        self.assertIn("Projet personnalisé d'accès à l'emploi (PPAE) – fiche de suivi", text)
        self.assertNotIn("Exemplaire", text)
        self.assertEqual(text.count("G.2.3 Définition/validation de projet professionnel"), 1)
        self.assertIn("Le bénéficiaire", text)

    # ------------------------------------------------------ fiche de liaison
    def test_liaison_actions_form(self):
        liaison = self._liaison(
            "actions", referent_signed_date=self.today, beneficiary_signed_date=self.today,
            signature_place="Arras",
            action_ids=[(6, 0, (self.env.ref("cer_contracts.liaison_action_life_project")
                                | self.env.ref("cer_contracts.liaison_action_plie")).ids)])
        text = self._html("cer_contracts.action_report_cer_liaison", liaison)
        self.assertIn("FICHE DE LIAISON RÉFÉRENT – DÉPARTEMENT", text)
        self.assertIn("Maison du Département Solidarité %s" % self.territory.name, text)
        self.assertIn("Correspondant %s" % self.correspondant.name, text)
        self.assertIn("☒ Actions du Département", text)
        self.assertIn("☐ Passage en équipe pluridisciplinaire", text)
        self.assertIn("☒ Emergence de projet de vie", text)
        self.assertIn("☒ PLIE", text)
        self.assertIn("☐ Gestion du budget et consommation", text,
                      "the whole check-list is printed, as the paper form")
        self._assertInOrder(text, [
            "Politique de droit commun", "Actions complémentaires et subsidiaires",
            "Action favorisant et promouvant l'insertion vers l'emploi",
            "Signature du référent et du bénéficiaire", "Observation / avis du correspondant",
            "Partie réservée au Président du Département",
            "Partie réservée à la structure"])
        self.assertIn("Signature du référent", text)
        self.assertIn("Signature du bénéficiaire", text)
        self.assertIn("Je soussigné(e), Madame, Monsieur %s" % self.notebook.beneficiary_id.name,
                      text)
        self.assertIn("À : Arras le : %s" % "/".join(reversed(self.today.split("-"))), text)
        self.assertNotIn("Avis de l'équipe pluridisciplinaire", text)

    def test_liaison_amendment_joins_the_pap(self):
        amendment = self.env["cer.amendment"].create({
            "contract_id": self.contract.id, "reason": "Nouvelle piste d'emploi."})
        self.env["cer.amendment.line"].create({
            "amendment_id": amendment.id,
            "action_code_id": self._code("G.2.3").id, "date_start": self.today,
            "date_deadline": self._shift(self.today, months=2)})
        liaison = self._liaison("amendment", amendment_id=amendment.id)
        text = self._html("cer_contracts.action_report_cer_liaison", liaison)
        self.assertIn("☒ Modification du PAP", text)
        self.assertIn("Nouvelle piste d'emploi.", text)
        self.assertIn("A.1.1 %s" % A11_LABEL, text)
        self.assertIn("G.2.3 Définition/validation de projet professionnel (ajoutée par avenant)",
                      text)
        self.assertIn("Avenant au contrat d'engagements réciproques initialement signé", text)
        contract_text = self._html("cer_contracts.action_report_cer_contract", self.contract)
        self.assertNotIn("G.2.3", contract_text,
                         "the contract shows the actions of an amendment once it is decided")

    def test_liaison_ep_form(self):
        liaison = self._liaison("ep", ep_request_type="suspension", suspension_reason="breach",
                                ep_motive="Absent à trois convocations.")
        text = self._html("cer_contracts.action_report_cer_liaison", liaison)
        self.assertIn("☒ Suspension", text)
        self.assertIn("☒ Non respect du PPAE ou du contrat d'engagement", text)
        self.assertIn("Absent à trois convocations.", text)
        self.assertIn("Avis de l'équipe pluridisciplinaire", text)
        self.assertNotIn("Partie réservée au Président du Département", text)

    # ------------------------------------------------------ carnet summary
    def test_notebook_summary(self):
        self.env["cdb.objective"].create({
            "notebook_id": self.notebook.id, "name": "Trouver un logement stable",
            "state": "validated"})
        self.env["calendar.event"].create({
            "name": "Point d'étape", "cdb_notebook_id": self.notebook.id,
            "start": self._shift(self.today, days=7) + " 09:00:00",
            "stop": self._shift(self.today, days=7) + " 10:00:00",
            "user_id": self.referent.id})
        self.env["calendar.event"].create({
            "name": "Premier entretien", "cdb_notebook_id": self.notebook.id,
            "start": self._shift(self.today, days=-30) + " 09:00:00",
            "stop": self._shift(self.today, days=-30) + " 10:00:00"})
        report = self.env.ref("cer_contracts.action_report_cdb_notebook_summary")
        self.assertEqual(report.binding_model_id.model, "cdb.notebook",
                         "the summary is in the Print menu of the carnet")
        text = self._html("cer_contracts.action_report_cdb_notebook_summary", self.notebook)
        self._assertInOrder(text, [
            "Carnet de bord de %s" % self.notebook.beneficiary_id.name,
            "Votre référent unique %s" % self.referent.name,
            self.correspondant.name, "Votre situation", "Votre orientation",
            "Solidarité (social)", "Vos objectifs", "Trouver un logement stable Validé par vous",
            "Vos actions", "A.1.1 %s" % A11_LABEL, "Vos prochains rendez-vous",
            "Point d'étape", "Votre contrat", self.contract.name])
        self.assertNotIn("Premier entretien", text, "past appointments are not next ones")
        self.assertIn("Prévue", text)
