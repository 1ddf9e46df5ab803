"""Fiche de liaison (guide, "LA FICHE DE LIAISON", Annexe 7): the
requests, one or several on a fiche, their signature rules, the answer that
always comes back to the référent, and who may read a fiche."""
from odoo.exceptions import AccessError, UserError

from .common import LiaisonCase


class TestLiaisonWorkflow(LiaisonCase):

    def test_defaults_come_from_the_carnet(self):
        liaison = self._liaison("support")
        self.assertEqual(liaison.correspondant_id, self.correspondant,
                         "the correspondant of the current orientation")
        self.assertEqual(liaison.contract_id, self.contract)
        self.assertEqual(liaison.referent_id, self.referent)
        self.assertEqual(liaison.organism_id, self.structure_a)
        self.assertEqual(liaison.territory_id, self.territory)
        self.assertTrue(liaison.name.startswith("FL-"))

    def test_support_request_and_answer(self):
        liaison = self._liaison("support", support_request="Quelles aides pour la garde d'enfant ?",
                                referent_signed_date=self.today)
        liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "sent")
        self.assertEqual(len(self._activities(liaison, self.correspondant)), 1,
                         "the correspondant gets a request to answer")
        self.assertTrue(self._messages_to(liaison, self.correspondant))
        self.assertTrue(self._notebook_messages(liaison), "the carnet traces the request")

        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Voir le relais assistantes maternelles."
        as_correspondant.action_answer()
        self.assertEqual(liaison.state, "closed")
        self.assertFalse(self._activities(liaison, self.correspondant),
                         "the correspondant's to-do is done")
        self.assertReferentAnswered(liaison)
        answer = self._messages_to(liaison, self.referent)[0]
        self.assertIn("relais assistantes maternelles", answer.body)
        self.assertEqual(answer.author_id, self.correspondant.partner_id)
        self.assertEqual(len(self._notebook_messages(liaison)), 2,
                         "the request and the answer are in the carnet")

    def test_send_refused_without_referent_signature(self):
        """A request to the EP is signed by the référent ("il est demandé la
        signature du référent")."""
        liaison = self._liaison("ep", ep_request_type="suspension", suspension_reason="breach",
                                ep_motive="Trois convocations sans réponse.")
        liaison.sudo(self.referent).attachment_ids = self._attachment(liaison)
        self.assertRefused(
            UserError, "mail.activity", [("res_model", "=", "cer.liaison")],
            liaison.sudo(self.referent).action_send)
        self.assertEqual(liaison.state, "draft")

    def test_support_request_is_not_signed(self):
        """Annexe 7, "Demande d'appui dans l'accompagnement": "Elle peut être
        dématérialisée sous forme de mail, n'ayant pas de signature." Sent
        without signature, printed without the signature part."""
        liaison = self._liaison("support", support_request="Quelles aides pour la mobilité ?")
        self.assertFalse(liaison.referent_signs)
        liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "sent")
        html = self._print(liaison)
        self.assertNotIn("Signature du référent", html)
        self.assertNotIn("Signature du bénéficiaire", html)
        self.assertIn("Quelles aides pour la mobilité ?", html)

    def test_other_request_says_what_it_is(self):
        """Annexe 7, page 1: "Autre(s) : ……", answered like a request for
        support."""
        liaison = self._liaison("other")
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        liaison.sudo(self.referent).other_request = "Domiciliation"
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Voir le CCAS."
        with self.assertRaises(UserError):
            as_correspondant.action_opinion_favourable()  # answered, not an opinion
        as_correspondant.action_answer()
        self.assertEqual(liaison.state, "closed")
        self.assertReferentAnswered(liaison)

    def test_a_fiche_ticks_something(self):
        liaison = self.env["cer.liaison"].sudo(self.referent).create(
            {"notebook_id": self.notebook.id, "support_request": "Question"})
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "draft")

    def _print(self, liaison):
        return self.env.ref("cer_contracts.action_report_cer_liaison").render_qweb_html(
            liaison.ids)[0].decode()

    def test_send_refused_without_correspondant_following_the_carnet(self):
        liaison = self._liaison("support", support_request="Question",
                                referent_signed_date=self.today,
                                correspondant_id=self.foreign_correspondant.id)
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "draft")
        # A member of the carnet who is not a correspondant of the Département.
        self._member(self.notebook, self.accompagnateur)
        liaison.sudo(self.referent).correspondant_id = self.accompagnateur
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "draft")

    def test_only_the_referent_sends_and_only_the_correspondant_answers(self):
        liaison = self._liaison("support", support_request="Question",
                                referent_signed_date=self.today)
        with self.assertRaises(AccessError):
            liaison.sudo(self.correspondant).action_send()
        liaison.sudo(self.referent).action_send()
        liaison.sudo(self.correspondant).correspondant_comment = "Réponse"
        with self.assertRaises(AccessError):
            liaison.sudo(self.referent).action_answer()
        with self.assertRaises(AccessError):
            liaison.sudo(self.territory_correspondant).action_answer()
        self.assertEqual(liaison.state, "sent")

    def test_request_is_frozen_once_sent(self):
        liaison = self._liaison("support", support_request="Question",
                                referent_signed_date=self.today)
        liaison.sudo(self.referent).action_send()
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).write({"support_request": "Autre question"})
        self.assertEqual(liaison.support_request, "Question")

    def test_forward_to_another_correspondant(self):
        liaison = self._liaison("support", support_request="Question",
                                referent_signed_date=self.today)
        liaison.sudo(self.referent).action_send()
        with self.assertRaises(UserError):  # does not follow this carnet's territory
            liaison.sudo(self.correspondant).correspondant_id = self.foreign_correspondant
        liaison.sudo(self.correspondant).correspondant_id = self.territory_correspondant
        self.assertFalse(self._activities(liaison, self.correspondant))
        self.assertEqual(len(self._activities(liaison, self.territory_correspondant)), 1,
                         "the request to answer follows the fiche")
        as_new = liaison.sudo(self.territory_correspondant)
        as_new.correspondant_comment = "Je prends le relais."
        as_new.action_answer()
        self.assertEqual(liaison.state, "closed")
        self.assertReferentAnswered(liaison)

    def test_cancel_withdraws_the_request(self):
        liaison = self._liaison("support", support_request="Question",
                                referent_signed_date=self.today)
        liaison.sudo(self.referent).action_send()
        liaison.sudo(self.referent).action_cancel()
        self.assertEqual(liaison.state, "cancelled")
        self.assertFalse(self._activities(liaison, self.correspondant))


class TestLiaisonActions(LiaisonCase):

    def _actions_liaison(self, **vals):
        values = {"action_ids": [(6, 0, self.env.ref(
            "cer_contracts.liaison_action_life_project").ids)],
            "referent_signed_date": self.today}
        values.update(vals)
        return self._liaison("actions", **values)

    def test_checklist_of_annexe_7(self):
        actions = self.env["cer.liaison.action"].search([])
        self.assertEqual(set(actions.mapped("category")),
                         {"common_law", "social_insertion", "professional_insertion"})
        self.assertIn("Mesure d'Accompagnement Social Personnalisé (MASP)", actions.mapped("name"))
        self.assertIn("Axe 1 Dynamisation et Mobilisation des compétences",
                      actions.mapped("heading"))
        self.assertEqual(self.env.ref("cer_contracts.liaison_action_cui").required_document, "CV")

    def test_actions_need_the_beneficiary_signature(self):
        liaison = self._actions_liaison()
        self.assertRefused(
            UserError, "mail.activity", [("res_model", "=", "cer.liaison")],
            liaison.sudo(self.referent).action_send)
        liaison.sudo(self.referent).beneficiary_signed_date = self.today
        liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "sent")

    def test_actions_need_a_ticked_action_and_details(self):
        liaison = self._actions_liaison(action_ids=[(5, 0, 0)],
                                        beneficiary_signed_date=self.today)
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        liaison.sudo(self.referent).action_ids = self.env.ref(
            "cer_contracts.liaison_action_social_other")
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        liaison.sudo(self.referent).action_details = "Atelier cuisine, centre social Jean Jaurès"
        liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "sent")

    def test_cui_position_needs_the_cv(self):
        liaison = self._actions_liaison(
            action_ids=[(6, 0, self.env.ref("cer_contracts.liaison_action_cui").ids)],
            beneficiary_signed_date=self.today)
        self.assertRefused(UserError, "cer.liaison", [("state", "=", "sent")],
                           liaison.sudo(self.referent).action_send)
        liaison.sudo(self.referent).attachment_ids = self._attachment(liaison, "cv.pdf")
        liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "sent")

    def test_actions_granted_then_the_structure_reports(self):
        liaison = self._actions_liaison(beneficiary_signed_date=self.today)
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Action adaptée."
        as_correspondant.action_opinion_favourable()
        self.assertEqual(liaison.state, "opinion")
        self.assertEqual(liaison.correspondant_opinion, "favourable")
        self.assertReferentAnswered(liaison, activities=1)

        with self.assertRaises(AccessError):
            liaison.sudo(self.referent).action_grant()  # not the President's delegate
        with self.assertRaises(UserError):
            as_correspondant.action_refuse()  # a refusal needs its motive
        as_correspondant.write({"structure_id": self.structure_b.id,
                                "structure_contact": "Mme Lemaire"})
        as_correspondant.action_grant()
        self.assertEqual(liaison.decision, "granted")
        self.assertEqual(liaison.state, "structure")
        self.assertEqual(liaison.decision_user_id, self.correspondant)
        self.assertReferentAnswered(liaison, activities=2)

        liaison.sudo(self.referent).write({
            "first_appointment_date": self.today, "outcome": "does_not_join"})
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_record_outcome()  # motive required
        liaison.sudo(self.referent).outcome_motive = "Reprise d'un emploi saisonnier."
        liaison.sudo(self.referent).action_record_outcome()
        self.assertEqual(liaison.state, "closed")
        self.assertReferentAnswered(liaison, activities=3)
        self.assertEqual(len(self._notebook_messages(liaison)), 4,
                         "sent, opinion, decision and outcome are traced in the carnet")

    def test_refused_actions_close_the_fiche(self):
        liaison = self._actions_liaison(beneficiary_signed_date=self.today)
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Déjà suivi par la MDS."
        as_correspondant.action_opinion_unfavourable()
        as_correspondant.decision_motive = "Mesure déjà en cours."
        as_correspondant.action_refuse()
        self.assertEqual(liaison.decision, "refused")
        self.assertEqual(liaison.state, "closed")
        answer = self._messages_to(liaison, self.referent)[0]
        self.assertIn("Mesure déjà en cours.", answer.body)


class TestLiaisonAmendment(LiaisonCase):

    def _liaison_amendment(self, cancel=True):
        amendment = self.env["cer.amendment"].create({
            "contract_id": self.contract.id, "reason": "Nouvelle piste d'emploi."})
        self.env["cer.amendment.line"].create({
            "amendment_id": amendment.id,
            "action_code_id": self._code("G.2.3").id, "date_start": self.today,
            "date_deadline": self._shift(self.today, months=2),
            "beneficiary_engagement": "Réaliser deux enquêtes métier.",
        })
        if cancel:
            amendment.cancelled_action_ids = self.contract.pap_line_ids.mapped("action_id")
        return amendment

    def test_amendment_needs_the_beneficiary_signature(self):
        amendment = self._liaison_amendment()
        liaison = self._liaison("amendment", amendment_id=amendment.id,
                                referent_signed_date=self.today)
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        self.assertFalse(amendment.beneficiary_signed_date)

    def test_amendment_needs_the_contract_in_force(self):
        amendment = self._liaison_amendment()
        liaison = self._liaison("amendment", amendment_id=amendment.id, contract_id=False,
                                referent_signed_date=self.today,
                                beneficiary_signed_date=self.today)
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        liaison.sudo(self.referent).write({"contract_id": self.contract.id,
                                           "amendment_id": False})
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()  # the changed PAP must be joined
        self.assertEqual(liaison.state, "draft")

    def test_granted_amendment_is_applied(self):
        amendment = self._liaison_amendment()
        cancelled = amendment.cancelled_action_ids
        liaison = self._liaison("amendment", amendment_id=amendment.id,
                                referent_signed_date=self.today,
                                beneficiary_signed_date=self.today)
        liaison.sudo(self.referent).action_send()
        self.assertEqual(amendment.beneficiary_signed_date, self.today,
                         "the avenant carries the signature of the fiche")
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "D'accord."
        as_correspondant.action_opinion_favourable()
        as_correspondant.action_grant()
        self.assertEqual(liaison.state, "closed")
        self.assertEqual(amendment.state, "applied")
        self.assertEqual(set(cancelled.mapped("state")), {"abandoned"})
        self.assertEqual(self.contract.date_end, self._shift(self.today, months=6, days=-1),
                         "an amendment never changes the duration of the contract")
        self.assertReferentAnswered(liaison, activities=2)


class TestLiaisonEp(LiaisonCase):

    def _ep_liaison(self, request_type, **vals):
        values = {"ep_request_type": request_type, "referent_signed_date": self.today,
                  "ep_motive": "Le projet de la personne a changé."}
        if request_type == "reorientation":
            values.update(requested_orientation_type="professional_ft",
                          reorientation_reason="situation_change")
        else:
            values.update(suspension_reason="breach")
        values.update(vals)
        return self._liaison("ep", **values)

    def test_reorientation_needs_an_agreed_ede(self):
        liaison = self._ep_liaison("reorientation")
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()
        liaison.sudo(self.referent).assessment_id = self._agreed_assessment(agreed=False)
        self.assertRefused(
            UserError, "mail.activity", [("res_model", "=", "cer.liaison")],
            liaison.sudo(self.referent).action_send)
        liaison.sudo(self.referent).assessment_id = self._agreed_assessment()
        liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "sent")

    def test_suspension_needs_the_convocation_letters(self):
        liaison = self._ep_liaison("suspension")
        self.assertRefused(
            UserError, "mail.activity", [("res_model", "=", "cer.liaison")],
            liaison.sudo(self.referent).action_send)
        liaison.sudo(self.referent).attachment_ids = self._attachment(liaison)
        liaison.sudo(self.referent).action_send()
        self.assertEqual(liaison.state, "sent")

    def test_favourable_opinion_creates_the_ep_case(self):
        assessment = self._agreed_assessment()
        liaison = self._ep_liaison("reorientation", assessment_id=assessment.id)
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Réorientation justifiée."
        as_correspondant.action_opinion_favourable()
        case = liaison.ep_case_id
        self.assertTrue(case, "the favourable opinion puts the case before the EP")
        self.assertEqual(liaison.state, "ep")
        self.assertEqual(case.notebook_id, self.notebook)
        self.assertEqual(case.case_type, "reorientation")
        self.assertEqual(case.requested_orientation_type, "professional_ft")
        self.assertEqual(case.reorientation_reason, "situation_change")
        self.assertEqual(case.assessment_id, assessment)
        self.assertEqual(case.origin_orientation_id, self.orientation)
        self.assertEqual(case.motive, "Le projet de la personne a changé.")
        self.assertEqual(case.state, "submitted")
        self.assertReferentAnswered(liaison, activities=1)

        # The EP's opinion and the President's decision come back to the fiche.
        session = self.env["rsa.ep.session"].create({
            "date": self._shift(self.today, days=10) + " 09:00:00", "territory": "Arrageois"})
        case = case.sudo(self.correspondant)  # the team's opinion, recorded by the correspondant
        case.write({"session_id": session.id,
                    "opinion_motive": "Freins sociaux encore importants."})
        case.action_give_opinion("unfavourable")
        self.assertEqual(liaison.ep_opinion, "unfavourable")
        self.assertIn("Freins sociaux", self._messages_to(liaison, self.referent)[0].body)
        case.write({"decision_note": "Maintien en solidarité."})
        case.action_decide("refused")
        self.assertEqual(liaison.state, "closed")
        self.assertEqual(liaison.ep_decision, "refused")
        self.assertReferentAnswered(liaison, activities=2)

    def test_suspension_case_gets_the_letters(self):
        liaison = self._ep_liaison("suspension")
        liaison.sudo(self.referent).attachment_ids = self._attachment(liaison)
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Trois convocations sans réponse."
        as_correspondant.action_opinion_favourable()
        case = liaison.ep_case_id
        self.assertEqual(case.case_type, "suspension")
        self.assertEqual(case.suspension_reason, "breach")
        self.assertEqual(case.attachment_count, 1, "the convocation letters go with the case")

    def test_unfavourable_opinion_still_reaches_the_ep(self):
        """The correspondant gives an opinion, he does not veto: an
        unfavourable opinion is recorded (on the fiche and on the case) and
        the request still goes before the équipe pluridisciplinaire, whose
        opinion and the President's decision follow (Annexe 7: "OBSERVATION/
        AVIS DU CORRESPONDANT", then "AVIS DE L'EQUIPE PLURIDISCIPLINAIRE",
        "PARTIE RÉSERVÉE AU PRÉSIDENT")."""
        liaison = self._ep_liaison("reorientation", assessment_id=self._agreed_assessment().id)
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        with self.assertRaises(UserError):
            as_correspondant.action_opinion_unfavourable()  # no observations given
        with self.assertRaises(UserError):
            as_correspondant.action_answer()  # an EP request takes an opinion
        as_correspondant.correspondant_comment = "Attendre la fin du contrat."
        as_correspondant.action_opinion_unfavourable()
        self.assertEqual(liaison.correspondant_opinion, "unfavourable")
        self.assertEqual(liaison.state, "ep")
        case = liaison.ep_case_id
        self.assertTrue(case, "the request reaches the EP whatever the opinion")
        self.assertEqual(self.notebook.ep_case_ids, case)
        self.assertEqual(case.state, "submitted")
        self.assertTrue(case.message_ids.filtered(
            lambda m: "Attendre la fin du contrat." in (m.body or "")),
            "the correspondant's opinion goes with the case")
        self.assertReferentAnswered(liaison)


class TestSeveralRequests(LiaisonCase):
    """Annexe 7: one fiche ticks several requests ("Avenant au contrat
    initialement signé : Cochez « Modification du PAP » … Remplir dans le
    cas d'une sollicitation de mesures CG, avec la modification du PAP, la
    page 2 et 3"); each goes through its own steps."""

    def _amendment_and_actions(self, **vals):
        amendment = self.env["cer.amendment"].create({
            "contract_id": self.contract.id, "reason": "Nouvelle piste d'emploi."})
        self.env["cer.amendment.line"].create({
            "amendment_id": amendment.id, "action_code_id": self._code("G.2.3").id,
            "date_start": self.today, "date_deadline": self._shift(self.today, months=2)})
        values = {"amendment_id": amendment.id, "referent_signed_date": self.today,
                  "action_ids": [(6, 0, self.env.ref(
                      "cer_contracts.liaison_action_life_project").ids)]}
        values.update(vals)
        return self._liaison(("amendment", "actions"), **values), amendment

    def test_amendment_and_actions_on_one_fiche(self):
        liaison, amendment = self._amendment_and_actions()
        self.assertTrue(liaison.beneficiary_signs)
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()  # the beneficiary signs both
        liaison.sudo(self.referent).beneficiary_signed_date = self.today
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "Avenant et action cohérents."
        as_correspondant.action_opinion_favourable()
        self.assertEqual(liaison.state, "opinion")
        as_correspondant.structure_id = self.structure_b
        as_correspondant.action_grant()
        self.assertEqual(amendment.state, "applied", "the avenant is applied")
        self.assertEqual(liaison.state, "structure", "the action goes to the structure")
        liaison.sudo(self.referent).write({"first_appointment_date": self.today,
                                           "outcome": "started"})
        liaison.sudo(self.referent).action_record_outcome()
        self.assertEqual(liaison.state, "closed")

    def test_each_request_keeps_its_checks(self):
        liaison, _amendment = self._amendment_and_actions(
            action_ids=[(5, 0, 0)], beneficiary_signed_date=self.today)
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_send()  # no action of the Département ticked
        self.assertEqual(liaison.state, "draft")

    def test_ep_request_with_actions_waits_for_both(self):
        liaison = self._liaison(
            ("ep", "actions"), referent_signed_date=self.today,
            beneficiary_signed_date=self.today, ep_request_type="suspension",
            suspension_reason="breach", ep_motive="Rendez-vous manqués.",
            action_ids=[(6, 0, self.env.ref("cer_contracts.liaison_action_life_project").ids)])
        liaison.sudo(self.referent).attachment_ids = self._attachment(liaison)
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "À voir en équipe."
        as_correspondant.action_opinion_favourable()
        case = liaison.ep_case_id
        self.assertTrue(case)
        self.assertEqual(liaison.state, "opinion", "the President decides on the actions")
        as_correspondant.decision_motive = "Priorité à l'EP."
        as_correspondant.action_refuse()
        self.assertEqual(liaison.state, "ep", "the EP part still waits")
        session = self.env["rsa.ep.session"].create({
            "date": self._shift(self.today, days=10) + " 09:00:00", "territory": "Arrageois"})
        case = case.sudo(self.correspondant)
        case.write({"session_id": session.id, "opinion_motive": "Sanction justifiée."})
        case.action_give_opinion("favourable")
        case.action_decide("refused")
        self.assertEqual(liaison.state, "closed")

    def test_print_ticks_every_request_and_the_structure_outcomes(self):
        """The print follows Annexe 7: "RSA depuis le", the ticked boxes,
        the structure's outcomes with "Réorientation vers le
        référent-solidarité"."""
        self.notebook.beneficiary_id.rsa_entry_date = "2019-03-01"
        liaison, _amendment = self._amendment_and_actions(beneficiary_signed_date=self.today)
        html = self.env.ref("cer_contracts.action_report_cer_liaison").render_qweb_html(
            liaison.ids)[0].decode()
        self.assertIn("RSA depuis le", html)
        self.assertIn("01/03/2019", html)
        self.assertEqual(html.count("☒"), 3, "the two requests and the action ticked")
        self.assertIn("Autre(s)", html)
        self.assertIn("Réorientation vers le référent-solidarité", html)
        self.assertIn("Signature du bénéficiaire", html)

    def test_reorientation_by_the_structure_has_its_date(self):
        liaison, _amendment = self._amendment_and_actions(beneficiary_signed_date=self.today)
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "D'accord."
        as_correspondant.action_opinion_favourable()
        as_correspondant.structure_id = self.structure_b
        as_correspondant.action_grant()
        liaison.sudo(self.referent).write({"first_appointment_date": self.today,
                                           "outcome": "reoriented_solidarity"})
        with self.assertRaises(UserError):
            liaison.sudo(self.referent).action_record_outcome()
        liaison.sudo(self.referent).reorientation_date = self.today
        liaison.sudo(self.referent).action_record_outcome()
        self.assertEqual(liaison.state, "closed")


class TestLiaisonAccess(LiaisonCase):

    def test_who_reads_a_fiche(self):
        liaison = self._liaison("support", support_request="Question")
        Liaison = self.env["cer.liaison"]
        with self.assertRaises(AccessError):
            liaison.sudo(self.outsider).read(["name"])
        self.assertFalse(Liaison.sudo(self.outsider).search([("id", "=", liaison.id)]))
        with self.assertRaises(AccessError):
            liaison.sudo(self.foreign_correspondant).read(["name"])
        # The correspondant of the carnet's territory, not a member of it.
        self.assertNotIn(self.territory_correspondant,
                         self.notebook.member_ids.mapped("user_id"))
        self.assertEqual(Liaison.sudo(self.territory_correspondant).search(
            [("id", "=", liaison.id)]), liaison)
        self.assertEqual(liaison.sudo(self.territory_correspondant).read(["name"])[0]["name"],
                         liaison.name)
        self.assertEqual(Liaison.sudo(self.referent).search([("id", "=", liaison.id)]), liaison)
