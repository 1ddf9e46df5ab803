"""Contrats d'engagements réciproques (guide, "LES CONTRATS D'ENGAGEMENTS
RECIPROQUES", Annexe 5): durations, type and orientation, one contract at a
time, signatures and the President's decision, renewal (cases 1 to 3),
the fiche de suivi emploi, the expiry alerts and the EP when no contract is
signed in time."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ContractCase


class TestDurations(ContractCase):
    """"Le CER - Solidarité est conclu pour une durée de 6 mois" — "Le Contrat
    d'Engagements Réciproques - professionnel, est conclu pour une durée de 3
    mois, 6 mois, 9 mois ou 12 mois"."""

    def test_solidarity_lasts_six_months_only(self):
        notebook = self._oriented_notebook("solidarity")
        for months in (3, 9, 12):
            with self.subTest(months=months):
                self.assertRefusedWith(ValidationError, lambda: self._contract(
                    notebook, duration_months=months))
        contract = self._contract(notebook, duration_months=6)
        self.assertEqual(contract.contract_type, "cer_solidarity")

    def test_professional_lasts_3_6_9_or_12_months(self):
        notebook = self._oriented_notebook("professional_other")
        for months in (3, 6, 9, 12):
            with self.subTest(months=months), self.cr.savepoint():
                contract = self._contract(notebook, duration_months=months)
                self.assertEqual(contract.date_end,
                                 self._shift(self.today, months=months, days=-1))
                contract.sudo().unlink()
        for months in (1, 7, 18):
            with self.subTest(months=months):
                self.assertRefusedWith(ValidationError, lambda: self._contract(
                    notebook, duration_months=months))

    def test_ppae_requires_its_end_date(self):
        notebook = self._oriented_notebook("professional_ft")
        self.assertRefusedWith(ValidationError,
                               lambda: self._contract(notebook, ppae_date_end=False))
        contract = self._contract(notebook, ppae_date_end="2027-03-15")
        self.assertEqual(contract.date_end, "2027-03-15",
                         "a PPAE ends when France Travail says")

    def test_ppae_end_date_cannot_be_cleared(self):
        """Editing the draft, the référent cannot leave a PPAE without its end."""
        notebook = self._oriented_notebook("professional_ft")
        contract = self._contract(notebook)
        self.assertRefusedWith(ValidationError, lambda: contract.sudo(self.referent).write(
            {"ppae_date_end": False}))
        self.assertRefusedWith(ValidationError, lambda: contract.sudo(self.referent).write(
                {"ppae_date_end": self._shift(self.today, days=-1)}))

    def test_end_is_start_plus_duration_minus_one_day(self):
        notebook = self._oriented_notebook("professional_other")
        contract = self._contract(notebook, date_start="2027-01-31", duration_months=6)
        self.assertEqual(contract.date_end, "2027-07-30")
        contract.sudo(self.referent).duration_months = 3
        self.assertEqual(contract.date_end, "2027-04-29")
        contract.sudo(self.referent).write({"date_start": "2027-03-01", "duration_months": 12})
        self.assertEqual(contract.date_end, "2028-02-29")


class TestTypeAndOrientation(ContractCase):
    """"Il se contractualise par un PPAE avec PE ou un Contrat d'Engagements
    Réciproques Professionnel"; the CERS "s'adresse aux bénéficiaires du RSA,
    orientés vers la sphère solidarité"."""

    def test_type_defaults_from_the_orientation(self):
        expected = {"solidarity": "cer_solidarity", "professional_ft": "ppae",
                    "professional_other": "cer_professional"}
        for orientation_type, contract_type in expected.items():
            with self.subTest(orientation=orientation_type):
                notebook = self._oriented_notebook(orientation_type)
                contract = self._contract(notebook)
                self.assertEqual(contract.contract_type, contract_type)
                self.assertEqual(contract.orientation_id, notebook.orientation_id)

    def test_type_not_fitting_the_orientation_is_refused(self):
        notebook = self._oriented_notebook("solidarity")
        self.assertRefusedWith(ValidationError, lambda: self._contract(
            notebook, contract_type="cer_professional"))
        notebook = self._oriented_notebook("professional_ft")
        self.assertRefusedWith(ValidationError, lambda: self._contract(
            notebook, contract_type="cer_professional"))
        self.assertFalse(notebook.contract_ids)

    def test_no_decided_orientation_is_refused(self):
        """In the form the référent picks a type himself: the orientation
        decision is still missing."""
        notebook = self._oriented_notebook("solidarity", decide=False)
        self.assertFalse(notebook.orientation_id)
        self.assertRefusedWith(ValidationError, lambda: self._contract(
            notebook, contract_type="cer_solidarity"))
        self.assertFalse(self.env["cer.contract"].search([("notebook_id", "=", notebook.id)]))

    def test_no_decided_orientation_without_type_is_refused_clearly(self):
        """Without a type to default from the orientation, the same clear
        message (not a database error)."""
        notebook = self._oriented_notebook("solidarity", decide=False)
        self.assertRefusedWith(ValidationError, lambda: self._contract(notebook))

    def test_draft_orientation_given_explicitly_is_refused(self):
        """"Le référent doit attendre la décision d'orientation … pour établir
        le contrat": a draft orientation is no decision."""
        notebook = self._oriented_notebook("solidarity", decide=False)
        draft = notebook.orientation_ids
        self.assertEqual(draft.state, "draft")
        self.assertRefusedWith(ValidationError, lambda: self._contract(
            notebook, orientation_id=draft.id, contract_type="cer_solidarity"))


class TestOneContractAtATime(ContractCase):

    def test_second_pending_contract_refused(self):
        notebook = self._oriented_notebook()
        self._contract(notebook)
        self.assertRefusedWith(ValidationError, lambda: self._contract(notebook))
        self.assertEqual(len(notebook.contract_ids), 1)

    def test_second_contract_in_force_refused(self):
        notebook = self._oriented_notebook()
        first = self._running(notebook)
        second = self._submitted(notebook, date_start=self._shift(self.today, days=1))
        self.assertRefusedWith(ValidationError,
                               second.sudo(self.correspondant).action_validate)
        self.assertEqual(second.state, "submitted")
        self.assertEqual(first.state, "running")

    def test_pending_renewal_alongside_running_contract(self):
        notebook = self._oriented_notebook()
        first = self._running(notebook)
        self._agreed_ede(notebook)
        renewal = self._renew(first)
        self.assertEqual(renewal.state, "draft")
        self.assertEqual(first.state, "running")
        self.assertEqual(notebook.contract_id, first, "the contract in force")


class TestSignatureAndDecision(ContractCase):
    """"Les CER engagent aussi bien le bénéficiaire du RSA, le référent, le
    Président du Conseil Général" — "La décision du Président du Conseil
    Général : validation ou rejet du contrat." Seed 001: reciprocity is
    proposed at every contract."""

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook()
        self.contract = self._contract(self.notebook)
        self.as_referent = self.contract.sudo(self.referent)

    def test_sign_needs_both_signature_dates(self):
        self._pap_line(self.contract)
        for missing in ("beneficiary_signed_date", "referent_signed_date"):
            with self.subTest(missing=missing):
                values = {"beneficiary_signed_date": self.today,
                          "referent_signed_date": self.today,
                          "reciprocity_answer": "accepted"}
                values[missing] = False
                self.as_referent.write(values)
                self.assertRefusedWith(UserError, self.as_referent.action_sign)
                self.assertEqual(self.contract.state, "draft")

    def test_sign_needs_the_reciprocity_answer(self):
        self._pap_line(self.contract)
        self.as_referent.write({"beneficiary_signed_date": self.today,
                                "referent_signed_date": self.today})
        self.assertRefusedWith(UserError, self.as_referent.action_sign)
        self.assertEqual(self.contract.state, "draft")

    def test_sign_needs_a_pap_line(self):
        self.as_referent.write({"beneficiary_signed_date": self.today,
                                "referent_signed_date": self.today,
                                "reciprocity_answer": "accepted"})
        self.assertRefusedWith(UserError, self.as_referent.action_sign)
        self.assertEqual(self.contract.state, "draft")

    def test_submit_before_signing_refused(self):
        self._pap_line(self.contract)
        self.assertRefusedWith(UserError, self.as_referent.action_submit)
        self.assertEqual(self.contract.state, "draft")

    def test_plain_professional_cannot_validate(self):
        """The decision is the President's, by delegation (policy
        decide_contract): not the référent's, who may not write its motive
        either."""
        self._pap_line(self.contract)
        self._sign(self.contract)
        self.as_referent.action_submit()
        self.assertRefusedWith(AccessError, self.as_referent.action_validate)
        self.assertRefusedWith(AccessError, lambda: self.as_referent.write(
            {"decision_motive": "Je rejette mon propre contrat."}))
        self.contract.sudo(self.correspondant).decision_motive = "Motif du correspondant."
        self.assertRefusedWith(AccessError, self.as_referent.action_reject)
        self.assertEqual(self.contract.state, "submitted")
        self.assertFalse(self.contract.decision)

    def test_reject_requires_a_motive(self):
        self._pap_line(self.contract)
        self._sign(self.contract)
        self.as_referent.action_submit()
        as_correspondant = self.contract.sudo(self.correspondant)
        self.assertRefusedWith(UserError, as_correspondant.action_reject)
        self.assertEqual(self.contract.state, "submitted")
        as_correspondant.decision_motive = "Plan d'actions trop vague."
        as_correspondant.action_reject()
        self.assertEqual(self.contract.state, "rejected")
        self.assertEqual(self.contract.decision, "rejected")
        self.assertEqual(self.contract.decision_user_id, self.correspondant)

    def test_validation_starts_a_contract_already_begun(self):
        self._pap_line(self.contract)
        self._sign(self.contract)
        self.as_referent.action_submit()
        self.contract.sudo(self.correspondant).action_validate()
        self.assertEqual(self.contract.state, "running")
        self.assertEqual(self.contract.decision, "validated")
        self.assertEqual(self.contract.decision_date, self.today)
        self.assertEqual(self.contract.decision_user_id, self.correspondant)
        self.assertEqual(self.notebook.contract_id, self.contract)

    def test_manager_validates_a_future_contract(self):
        contract = self._submitted(self._oriented_notebook(),
                                   date_start=self._shift(self.today, days=10))
        contract.sudo(self.manager).action_validate()
        self.assertEqual(contract.state, "validated", "it runs from its start date")

    def test_signing_closes_the_contract_activity(self):
        contract_type = self.env.ref("rsa_orientation.mail_activity_type_contract")
        activities = self.notebook.activity_ids.filtered(
            lambda a: a.activity_type_id == contract_type)
        self.assertEqual(len(activities), 1, "the orientation asked for a contract")
        self._pap_line(self.contract)
        self._sign(self.contract)
        self.assertFalse(activities.exists())

    def test_signed_contract_settles_the_orientation_deadline(self):
        notebook = self._oriented_notebook(
            "solidarity", date_decision=self._shift(self.today, months=-3))
        orientation = notebook.orientation_id
        self.assertTrue(orientation.is_overdue, "two months have passed")
        self.assertFalse(orientation.contract_signed)
        self.assertIn(orientation, self.env["rsa.orientation"].search(
            [("is_overdue", "=", True)]))
        contract = self._contract(notebook, date_start=self.today)
        self._pap_line(contract)
        self._sign(contract)
        orientation.invalidate_cache()
        self.assertTrue(orientation.contract_signed)
        self.assertFalse(orientation.is_overdue)
        self.assertNotIn(orientation, self.env["rsa.orientation"].search(
            [("is_overdue", "=", True)]))
        self.assertIn(orientation, self.env["rsa.orientation"].search(
            [("is_overdue", "=", False)]))


class TestLockedContract(ContractCase):
    """"Il ne modifie pas la durée prévue dans le contrat": once signed, the
    dates and the type are fixed."""

    def test_signed_or_running_contract_keeps_its_dates(self):
        notebook = self._oriented_notebook("professional_other")
        signed = self._contract(notebook, duration_months=6)
        self._pap_line(signed)
        self._sign(signed)
        end = signed.date_end
        for values in ({"date_start": self._shift(self.today, days=-10)},
                       {"duration_months": 12},
                       {"contract_type": "cer_solidarity"}):
            with self.subTest(values=values):
                self.assertRefusedWith(AccessError,
                                       lambda: signed.sudo(self.referent).write(values))
        signed.sudo(self.referent).action_submit()
        signed.sudo(self.correspondant).action_validate()
        self.assertEqual(signed.state, "running")
        self.assertRefusedWith(AccessError, lambda: signed.sudo(self.manager).write(
            {"duration_months": 9}))
        self.assertEqual(signed.date_end, end)

    def test_running_ppae_keeps_its_end(self):
        notebook = self._oriented_notebook("professional_ft")
        contract = self._running(notebook)
        end = contract.date_end
        self.assertRefusedWith(AccessError, lambda: contract.sudo(self.referent).write(
            {"ppae_date_end": self._shift(end, months=3)}))
        self.assertEqual(contract.date_end, end)

    def test_draft_contract_can_be_changed(self):
        notebook = self._oriented_notebook("professional_other")
        contract = self._contract(notebook, duration_months=6)
        contract.sudo(self.referent).write({"duration_months": 3})
        self.assertEqual(contract.date_end, self._shift(self.today, months=3, days=-1))


class TestRenewal(ContractCase):
    """"Cas 2 : … Le Contrat d'engagements Réciproques est renouvelé, avec une
    reprise des anciennes actions complétées du bilan plus les nouvelles
    actions." The EDE "sera demandée à chaque renouvellement de contrat"."""

    def setUp(self):
        super().setUp()
        self.notebook = self._oriented_notebook()
        self.contract = self._running(self.notebook)
        self.open_line = self.contract.pap_line_ids
        self.open_line.sudo(self.referent).write({
            "state": "in_progress", "bilan_comment": "Dossier FSL déposé, en attente."})
        self.done_line = self._amended_line(self.contract, "B.1")
        self.done_line.sudo(self.referent).write({"state": "done", "result": "Bilan fait."})

    def _amended_line(self, contract, code):
        amendment = self.env["cer.amendment"].sudo(self.referent).create({
            "contract_id": contract.id, "reason": "Nouvelle action",
            "beneficiary_signed_date": self.today, "referent_signed_date": self.today})
        new_line = self.env["cer.amendment.line"].sudo(self.referent).create({
            "amendment_id": amendment.id,
            "action_code_id": self.env["cdb.action.code"].find_by_code(code).id,
            "date_start": contract.date_start,
            "date_deadline": self._shift(contract.date_start, months=3)})
        amendment.sudo(self.correspondant).action_apply()
        return new_line.pap_line_id

    def test_renewal_needs_a_fresh_agreed_ede(self):
        self.assertRefusedWith(UserError, lambda: self._renew(self.contract))
        self._agreed_ede(self.notebook, agree=False)
        self.assertRefusedWith(UserError, lambda: self._renew(self.contract))
        self._agreed_ede(self.notebook, date=self._shift(self.contract.date_start, days=-1))
        self.assertRefusedWith(UserError, lambda: self._renew(self.contract))
        self.assertFalse(self.env["cer.contract"].search(
            [("previous_contract_id", "=", self.contract.id)]))

    def test_renewal_carries_the_actions_with_their_bilan(self):
        """The open actions and the done ones with their result and bilan
        ("reprise des anciennes actions complétées du bilan"); not those an
        avenant cancelled."""
        self._agreed_ede(self.notebook)
        cancelled = self._amended_line(self.contract, "C.1")
        amendment, new_line = self._amendment(self.contract, cancel=cancelled.action_id,
                                              beneficiary_signed_date=self.today)
        amendment.sudo(self.correspondant).action_apply()
        self.assertEqual(cancelled.state, "abandoned")
        renewal = self._renew(self.contract)
        self.assertEqual(renewal.previous_contract_id, self.contract)
        self.assertEqual(renewal.date_start, self._shift(self.contract.date_end, days=1))
        self.assertEqual(renewal.date_end, self._shift(renewal.date_start, months=6, days=-1))
        self.assertEqual(renewal.state, "draft")
        self.assertFalse(renewal.reciprocity_answer,
                         "reciprocity is proposed again at every renewal")
        self.assertFalse(renewal.beneficiary_signed_date)
        carried = renewal.pap_line_ids
        self.assertEqual(carried.mapped("action_id"),
                         (self.open_line | self.done_line | new_line.pap_line_id).mapped(
                             "action_id"),
                         "the same actions of the carnet, the done one included")
        self.assertNotIn(cancelled.action_id, carried.mapped("action_id"))
        by_action = {line.action_id: line for line in carried}
        self.assertEqual(by_action[self.open_line.action_id].bilan_comment,
                         "Dossier FSL déposé, en attente.")
        self.assertEqual(by_action[self.done_line.action_id].result, "Bilan fait.")
        self.assertEqual(by_action[self.done_line.action_id].state, "done")
        self.assertTrue((self.open_line | self.done_line) <= self.contract.pap_line_ids,
                        "the renewed contract keeps its plan")

    def test_validated_renewal_replaces_the_contract(self):
        """The usual path: the renewal is prepared, signed and validated
        before the contract ends, and takes over on its start date."""
        self._agreed_ede(self.notebook)
        renewal = self._renew(self.contract)
        self._sign(renewal)
        renewal.sudo(self.referent).action_submit()
        renewal.sudo(self.correspondant).action_validate()
        self.assertEqual(renewal.state, "validated")
        self.assertEqual(self.contract.state, "running", "until the renewal starts")
        with self._at(renewal.date_start):
            self.env["cer.contract"]._cron_contract_alerts()
        self.assertEqual(renewal.state, "running")
        self.assertEqual(self.contract.state, "renewed")
        self.assertEqual(self.contract.end_case, "renewed")

    def test_validated_renewal_already_due_replaces_the_contract(self):
        notebook = self._oriented_notebook()
        old = self._running(notebook, date_start=self._shift(self.today, months=-6))
        self.assertLess(old.date_end, self.today)
        self._agreed_ede(notebook)
        renewal = self._renew(old)
        self.assertEqual(renewal.date_start, self.today)
        self._sign(renewal)
        renewal.sudo(self.referent).action_submit()
        renewal.sudo(self.correspondant).action_validate()
        self.assertEqual(renewal.state, "running")
        self.assertEqual(old.state, "renewed")
        self.assertEqual(notebook.contract_id, renewal)

    def test_solidarity_stops_at_twelve_months(self):
        """"renouvelable une fois": 6 + 6 months, then the EP decides."""
        notebook = self._oriented_notebook()
        first = self._running(notebook, date_start=self._shift(self.today, months=-7))
        self._agreed_ede(notebook)
        second = self._renew(first)
        # Six months later: the first contract was replaced by the renewal.
        first._workflow_write({"state": "renewed", "end_case": "renewed"})
        self._sign(second)
        second.sudo(self.referent).action_submit()
        second.sudo(self.correspondant).action_validate()
        self.assertEqual(second.state, "running")
        self.assertEqual(second.solidarity_months_in_row, 12)
        self._agreed_ede(notebook)
        self.assertRefusedWith(UserError, lambda: self._renew(second))
        self.assertFalse(second.next_contract_id)

    def test_case_three_sends_the_carnet_to_the_ep(self):
        self.contract.sudo(self.referent).action_end_ep()
        self.assertEqual(self.contract.state, "ended")
        self.assertEqual(self.contract.end_case, "ep")
        case = self.env["rsa.ep.case"].search([("notebook_id", "=", self.notebook.id)])
        self.assertEqual(len(case), 1)
        self.assertEqual(case.case_type, "reorientation")
        self.assertEqual(case.reorientation_reason, "solidarity_limit")
        self.assertEqual(case.origin_orientation_id, self.notebook.orientation_id)
        self.assertTrue(case.motive)

    def test_case_one_ends_the_contract(self):
        self.contract.sudo(self.referent).action_end()
        self.assertEqual(self.contract.state, "ended")
        self.assertEqual(self.contract.end_case, "evolved")
        self.assertFalse(self.notebook.contract_id)
        self.assertFalse(self.notebook.ep_case_ids)


class TestJobOffers(ContractCase):
    """Fiche de suivi emploi and jobs sought of the CER professionnel."""

    def setUp(self):
        super().setUp()
        self.contract = self._contract(self._oriented_notebook("professional_other"))

    def _offer(self, **vals):
        values = {"contract_id": self.contract.id, "offer": "Agent d'entretien, 24 h",
                  "reasonable": True, "domain": "Propreté"}
        values.update(vals)
        return self.env["cer.job.offer"].sudo(self.referent).create(values)

    def test_result_not_achieved_needs_a_motive(self):
        for result in ("partial", "not_achieved"):
            with self.subTest(result=result):
                self.assertRefusedWith(ValidationError, lambda: self._offer(result=result))
        self.assertFalse(self.contract.job_offer_ids)
        offer = self._offer(result="partial", result_motive="Entretien sans suite.")
        self.assertRefusedWith(ValidationError, lambda: offer.sudo(self.referent).write(
            {"result_motive": False}))
        self.assertEqual(self._offer(result="achieved").result, "achieved")

    def test_two_jobs_sought_at_most(self):
        codes = self.env["cdb.rome.code"].search([], limit=3)
        self.assertEqual(len(codes), 3)
        Job = self.env["cer.contract.job"].sudo(self.referent)
        for code in codes[:2]:
            Job.create({"contract_id": self.contract.id, "rome_code_id": code.id})
        self.assertRefusedWith(ValidationError, lambda: Job.create(
            {"contract_id": self.contract.id, "rome_code_id": codes[2].id}))
        self.assertEqual(len(self.contract.job_ids), 2)


class TestAlerts(ContractCase):

    def _expiry_activities(self, contract):
        return self.env["mail.activity"].search([
            ("res_model", "=", "cer.contract"), ("res_id", "=", contract.id),
            ("activity_type_id", "=", self.env.ref(
                "cer_contracts.mail_activity_type_expiry").id)])

    def test_expiring_contract_reminds_the_referent_once(self):
        expiring = self._running(self._oriented_notebook(),
                                 date_start=self._shift(self.today, months=-5, days=-10))
        later = self._running(self._oriented_notebook(),
                              date_start=self._shift(self.today, months=-4))
        self.env["cer.contract"]._cron_contract_alerts()
        activity = self._expiry_activities(expiring)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.referent)
        self.assertEqual(activity.date_deadline, expiring.date_end)
        self.assertFalse(self._expiry_activities(later), "it ends in two months")
        self.env["cer.contract"]._cron_contract_alerts()
        self.assertEqual(self._expiry_activities(expiring), activity, "not twice")

    def test_expiry_reminder_done_is_not_repeated(self):
        """The référent marks the reminder done: the next days' runs do not
        bring it back."""
        expiring = self._running(self._oriented_notebook(),
                                 date_start=self._shift(self.today, months=-5, days=-10))
        self.env["cer.contract"]._cron_contract_alerts()
        self._expiry_activities(expiring).sudo(self.referent).action_done()
        with self._at(self._shift(self.today, days=1)):
            self.env["cer.contract"]._cron_contract_alerts()
        self.assertFalse(self._expiry_activities(expiring))

    def test_validated_contract_starts_on_its_start_date(self):
        tomorrow = self._shift(self.today, days=1)
        contract = self._submitted(self._oriented_notebook(), date_start=tomorrow)
        contract.sudo(self.correspondant).action_validate()
        self.env["cer.contract"]._cron_contract_alerts()
        self.assertEqual(contract.state, "validated")
        with self._at(tomorrow):
            self.env["cer.contract"]._cron_contract_alerts()
        self.assertEqual(contract.state, "running")


class TestNoContractToEp(ContractCase):
    """Guide, fiche de liaison, troisième situation: a contract not signed
    in time goes to the EP for a suspension, in one click."""

    def test_overdue_orientation_opens_a_suspension_case(self):
        notebook = self._oriented_notebook(
            "solidarity", date_decision=self._shift(self.today, months=-3))
        orientation = notebook.orientation_id.sudo(self.referent)
        self.assertTrue(orientation.is_overdue)
        action = orientation.action_ep_case_no_contract()
        case = self.env["rsa.ep.case"].browse(action["res_id"])
        self.assertEqual(case.notebook_id, notebook)
        self.assertEqual(case.case_type, "suspension")
        self.assertEqual(case.suspension_reason, "no_contract")
        self.assertEqual(case.origin_orientation_id, notebook.orientation_id)
        self.assertEqual(case.state, "draft")

    def test_not_overdue_is_refused(self):
        notebook = self._oriented_notebook(
            "professional_other", date_decision=self._shift(self.today, days=-10))
        orientation = notebook.orientation_id.sudo(self.referent)
        self.assertFalse(orientation.is_overdue, "one month to sign")
        self.assertRefusedWith(UserError, orientation.action_ep_case_no_contract)
        self.assertFalse(notebook.ep_case_ids)

    def test_signed_contract_is_not_sent_to_the_ep(self):
        notebook = self._oriented_notebook(
            "solidarity", date_decision=self._shift(self.today, months=-3))
        contract = self._contract(notebook)
        self._pap_line(contract)
        self._sign(contract)
        orientation = notebook.orientation_id.sudo(self.referent)
        self.assertRefusedWith(UserError, orientation.action_ep_case_no_contract)
        self.assertFalse(notebook.ep_case_ids)
