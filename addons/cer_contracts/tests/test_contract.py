"""Contrats d'engagements réciproques (guide, "LES CONTRATS D'ENGAGEMENTS
RECIPROQUES", Annexe 5): durations, type and orientation, one contract at a
time, signatures and the President's decision, renewal (cases 1 to 3),
the fiche de suivi emploi, the expiry alerts and the EP when no contract is
signed in time."""
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from odoo.addons.carnet_de_bord.tests.common import CdbCase


class ContractCase(CdbCase):
    """Carnets with a decided orientation, and helpers to take a contract
    through its workflow as the users who do it: the référent writes and
    signs, the correspondant of the territory decides."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Territory = cls.env["cdb.territory"]
        cls.territory = Territory.create({"name": "UT CT Territoire Audomarois"})
        cls.other_territory = Territory.create({"name": "UT CT Territoire Boulonnais"})
        cls.correspondant = cls._user("ct.correspondant", "group_cdb_correspondant")
        cls.correspondant.cdb_territory_ids = cls.territory
        cls.foreign_correspondant = cls._user("ct.correspondant.other",
                                              "group_cdb_correspondant")
        cls.foreign_correspondant.cdb_territory_ids = cls.other_territory
        cls.manager = cls._user("ct.manager", "group_cdb_manager")
        cls.organism = cls.env["res.partner"].create({
            "name": "UT CT Organisme", "is_company": True, "cdb_is_structure": True})
        cls._lastname_seq = 0

    # ------------------------------------------------------------ carnets
    @classmethod
    def _oriented_notebook(cls, orientation_type="solidarity", date_decision=None,
                           decide=True, **vals):
        """A carnet of the territory, followed by ``cls.referent``, with an
        orientation (decided unless ``decide`` is False)."""
        cls._lastname_seq += 1
        vals.setdefault("territory_id", cls.territory.id)
        notebook = cls._notebook("Contrat%s" % "".join(
            chr(ord("a") + int(d)) for d in str(cls._lastname_seq)),
            referent=cls.referent, **vals)
        values = {"notebook_id": notebook.id, "orientation_type": orientation_type,
                  "referent_id": cls.referent.id,
                  "correspondant_id": cls.correspondant.id,
                  "date_decision": date_decision or cls.today}
        if orientation_type == "professional_other":
            values["organism_id"] = cls.organism.id
        orientation = cls.env["rsa.orientation"].create(values)
        if decide:
            orientation.action_decide()
        return notebook

    # ----------------------------------------------------------- contracts
    def _contract(self, notebook, **vals):
        """A draft contract written by the référent."""
        values = {"notebook_id": notebook.id, "referent_id": self.referent.id,
                  "objectives": "Lever les freins liés au logement."}
        if notebook.orientation_id.orientation_type == "professional_ft":
            values["ppae_date_end"] = self._shift(vals.get("date_start", self.today),
                                                  months=6, days=-1)
        values.update(vals)
        return self.env["cer.contract"].sudo(self.referent).create(values)

    def _pap_line(self, contract, code="A.1.1", **vals):
        values = {"contract_id": contract.id, "action_code_id": self._code(code).id,
                  "date_start": contract.date_start,
                  "date_deadline": self._shift(contract.date_start, months=3),
                  "beneficiary_engagement": "Constituer le dossier FSL.",
                  "referent_engagement": "Transmettre le dossier à la commission."}
        values.update(vals)
        return self.env["cer.pap.line"].sudo(self.referent).create(values)

    def _sign(self, contract, reciprocity="declined"):
        contract.sudo(self.referent).write({
            "beneficiary_signed_date": self.today, "referent_signed_date": self.today,
            "reciprocity_answer": reciprocity})
        contract.sudo(self.referent).action_sign()
        return contract

    def _submitted(self, notebook, **vals):
        contract = self._contract(notebook, **vals)
        self._pap_line(contract)
        self._sign(contract)
        contract.sudo(self.referent).action_submit()
        return contract

    def _running(self, notebook, **vals):
        """A contract signed, submitted and validated by the correspondant."""
        contract = self._submitted(notebook, **vals)
        contract.sudo(self.correspondant).action_validate()
        contract.invalidate_cache()
        self.assertEqual(contract.state, "running")
        return contract

    def _agreed_ede(self, notebook, date=None, agree=True):
        """An employment-distance assessment with a level on every item."""
        values = {"notebook_id": notebook.id}
        if date:
            values["date"] = date
        assessment = self.env["rsa.ede.assessment"].sudo(self.referent).create(values)
        for line in assessment.line_ids:
            line.level_id = line.item_id.level_ids.sorted("sequence")[:1]
        if agree:
            assessment.action_done()
        return assessment

    def _renew(self, contract):
        action = contract.sudo(self.referent).action_renew()
        return self.env["cer.contract"].browse(action["res_id"])

    def _at(self, date):
        """Run the code as if today were ``date``."""
        return patch.object(fields.Date, "context_today", lambda *args, **kw: date)

    def assertUserError(self, func, *fragments, exception=UserError):
        """``func`` is refused with ``exception``, its message contains every
        fragment, and nothing it did remains."""
        with self.assertRaises(exception) as caught:
            with self.cr.savepoint():
                func()
        self.env["cer.contract"].invalidate_cache()
        message = caught.exception.name if hasattr(caught.exception, "name") \
            else str(caught.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
        return message


class TestDurations(ContractCase):
    """"Le CER - Solidarité est conclu pour une durée de 6 mois" — "Le Contrat
    d'Engagements Réciproques - professionnel, est conclu pour une durée de 3
    mois, 6 mois, 9 mois ou 12 mois"."""

    def test_solidarity_lasts_six_months_only(self):
        notebook = self._oriented_notebook("solidarity")
        for months in (3, 9, 12):
            with self.subTest(months=months):
                self.assertUserError(lambda: self._contract(notebook, duration_months=months),
                                     "6 months", exception=ValidationError)
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
                self.assertUserError(lambda: self._contract(notebook, duration_months=months),
                                     "3, 6, 9 or 12", exception=ValidationError)

    def test_ppae_requires_its_end_date(self):
        notebook = self._oriented_notebook("professional_ft")
        self.assertUserError(lambda: self._contract(notebook, ppae_date_end=False),
                             "end date of the PPAE", exception=ValidationError)
        contract = self._contract(notebook, ppae_date_end="2027-03-15")
        self.assertEqual(contract.date_end, "2027-03-15",
                         "a PPAE ends when France Travail says")

    def test_ppae_end_date_cannot_be_cleared(self):
        """Editing the draft, the référent cannot leave a PPAE without its end."""
        notebook = self._oriented_notebook("professional_ft")
        contract = self._contract(notebook)
        self.assertUserError(
            lambda: contract.sudo(self.referent).write({"ppae_date_end": False}),
            "end date of the PPAE", exception=ValidationError)
        self.assertUserError(
            lambda: contract.sudo(self.referent).write(
                {"ppae_date_end": self._shift(self.today, days=-1)}),
            "cannot end before it starts", exception=ValidationError)

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
        message = self.assertUserError(
            lambda: self._contract(notebook, contract_type="cer_professional"),
            "CER professionnel", "Solidarity", "CER solidarité", exception=ValidationError)
        self.assertIn("must be a CER solidarité", message)
        notebook = self._oriented_notebook("professional_ft")
        self.assertUserError(
            lambda: self._contract(notebook, contract_type="cer_professional"),
            "PPAE", exception=ValidationError)

    def test_no_decided_orientation_is_refused(self):
        """In the form the référent picks a type himself: the orientation
        decision is still missing."""
        notebook = self._oriented_notebook("solidarity", decide=False)
        self.assertFalse(notebook.orientation_id)
        self.assertUserError(lambda: self._contract(notebook, contract_type="cer_solidarity"),
                             "decide the orientation", exception=ValidationError)
        self.assertFalse(self.env["cer.contract"].search([("notebook_id", "=", notebook.id)]))

    def test_no_decided_orientation_without_type_is_refused_clearly(self):
        """Without a type to default from the orientation, the same clear
        message (not a database error)."""
        notebook = self._oriented_notebook("solidarity", decide=False)
        self.assertUserError(lambda: self._contract(notebook), "decide the orientation",
                             exception=ValidationError)

    def test_draft_orientation_given_explicitly_is_refused(self):
        """"Le référent doit attendre la décision d'orientation … pour établir
        le contrat": a draft orientation is no decision."""
        notebook = self._oriented_notebook("solidarity", decide=False)
        draft = notebook.orientation_ids
        self.assertEqual(draft.state, "draft")
        self.assertUserError(
            lambda: self._contract(notebook, orientation_id=draft.id,
                                   contract_type="cer_solidarity"),
            "decide the orientation", exception=ValidationError)


class TestOneContractAtATime(ContractCase):

    def test_second_pending_contract_refused(self):
        notebook = self._oriented_notebook()
        self._contract(notebook)
        self.assertUserError(lambda: self._contract(notebook), "one contract at a time",
                             exception=ValidationError)
        self.assertEqual(len(notebook.contract_ids), 1)

    def test_second_contract_in_force_refused(self):
        notebook = self._oriented_notebook()
        first = self._running(notebook)
        second = self._submitted(notebook, date_start=self._shift(self.today, days=1))
        self.assertUserError(lambda: second.sudo(self.correspondant).action_validate(),
                             "one contract at a time", exception=ValidationError)
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
                self.assertUserError(self.as_referent.action_sign, "both signature dates")
                self.assertEqual(self.contract.state, "draft")

    def test_sign_needs_the_reciprocity_answer(self):
        self._pap_line(self.contract)
        self.as_referent.write({"beneficiary_signed_date": self.today,
                                "referent_signed_date": self.today})
        self.assertUserError(self.as_referent.action_sign, "reciprocity")
        self.assertEqual(self.contract.state, "draft")

    def test_sign_needs_a_pap_line(self):
        self.as_referent.write({"beneficiary_signed_date": self.today,
                                "referent_signed_date": self.today,
                                "reciprocity_answer": "accepted"})
        self.assertUserError(self.as_referent.action_sign, "at least one action")
        self.assertEqual(self.contract.state, "draft")

    def test_submit_before_signing_refused(self):
        self._pap_line(self.contract)
        self.assertUserError(self.as_referent.action_submit, "Sign the contract")
        self.assertEqual(self.contract.state, "draft")

    def test_plain_professional_cannot_validate(self):
        self._pap_line(self.contract)
        self._sign(self.contract)
        self.as_referent.action_submit()
        self.assertUserError(self.as_referent.action_validate, "President")
        self.as_referent.decision_motive = "Je rejette mon propre contrat."
        self.assertUserError(self.as_referent.action_reject, "President")
        self.assertEqual(self.contract.state, "submitted")
        self.assertFalse(self.contract.decision)

    def test_reject_requires_a_motive(self):
        self._pap_line(self.contract)
        self._sign(self.contract)
        self.as_referent.action_submit()
        as_correspondant = self.contract.sudo(self.correspondant)
        self.assertUserError(as_correspondant.action_reject, "motive")
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
                self.assertUserError(lambda: signed.sudo(self.referent).write(values),
                                     "never the end date")
        signed.sudo(self.referent).action_submit()
        signed.sudo(self.correspondant).action_validate()
        self.assertEqual(signed.state, "running")
        self.assertUserError(lambda: signed.sudo(self.manager).write({"duration_months": 9}),
                             "never the end date")
        self.assertEqual(signed.date_end, end)

    def test_running_ppae_keeps_its_end(self):
        notebook = self._oriented_notebook("professional_ft")
        contract = self._running(notebook)
        end = contract.date_end
        self.assertUserError(lambda: contract.sudo(self.referent).write(
            {"ppae_date_end": self._shift(end, months=3)}), "never the end date")
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
        self.assertUserError(lambda: self._renew(self.contract), "employment-distance")
        self._agreed_ede(self.notebook, agree=False)
        self.assertUserError(lambda: self._renew(self.contract), "employment-distance")
        self._agreed_ede(self.notebook, date=self._shift(self.contract.date_start, days=-1))
        self.assertUserError(lambda: self._renew(self.contract), "employment-distance")
        self.assertFalse(self.env["cer.contract"].search(
            [("previous_contract_id", "=", self.contract.id)]))

    def test_renewal_carries_the_open_actions_with_their_bilan(self):
        self._agreed_ede(self.notebook)
        renewal = self._renew(self.contract)
        self.assertEqual(renewal.previous_contract_id, self.contract)
        self.assertEqual(renewal.date_start, self._shift(self.contract.date_end, days=1))
        self.assertEqual(renewal.date_end, self._shift(renewal.date_start, months=6, days=-1))
        self.assertEqual(renewal.state, "draft")
        self.assertFalse(renewal.reciprocity_answer,
                         "reciprocity is proposed again at every renewal")
        self.assertFalse(renewal.beneficiary_signed_date)
        self.assertEqual(renewal.pap_line_ids.mapped("action_id"), self.open_line.action_id,
                         "the same action of the carnet, not the done one")
        self.assertEqual(renewal.pap_line_ids.bilan_comment, "Dossier FSL déposé, en attente.")
        self.assertEqual(self.contract.pap_line_ids, self.open_line | self.done_line,
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
        first.sudo().write({"state": "renewed", "end_case": "renewed"})
        self._sign(second)
        second.sudo(self.referent).action_submit()
        second.sudo(self.correspondant).action_validate()
        self.assertEqual(second.state, "running")
        self.assertEqual(second.solidarity_months_in_row, 12)
        self._agreed_ede(notebook)
        self.assertUserError(lambda: self._renew(second), "12 months",
                             "équipe pluridisciplinaire", "case 3")
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
                self.assertUserError(lambda: self._offer(result=result), "motive",
                                     exception=ValidationError)
        self.assertFalse(self.contract.job_offer_ids)
        offer = self._offer(result="partial", result_motive="Entretien sans suite.")
        self.assertUserError(lambda: offer.sudo(self.referent).write({"result_motive": False}),
                             "motive", exception=ValidationError)
        self.assertEqual(self._offer(result="achieved").result, "achieved")

    def test_two_jobs_sought_at_most(self):
        codes = self.env["cdb.rome.code"].search([], limit=3)
        self.assertEqual(len(codes), 3)
        Job = self.env["cer.contract.job"].sudo(self.referent)
        for code in codes[:2]:
            Job.create({"contract_id": self.contract.id, "rome_code_id": code.id})
        self.assertUserError(
            lambda: Job.create({"contract_id": self.contract.id, "rome_code_id": codes[2].id}),
            "two jobs", exception=ValidationError)
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
        self.assertUserError(orientation.action_ep_case_no_contract, "deadline")
        self.assertFalse(notebook.ep_case_ids)

    def test_signed_contract_is_not_sent_to_the_ep(self):
        notebook = self._oriented_notebook(
            "solidarity", date_decision=self._shift(self.today, months=-3))
        contract = self._contract(notebook)
        self._pap_line(contract)
        self._sign(contract)
        orientation = notebook.orientation_id.sudo(self.referent)
        self.assertUserError(orientation.action_ep_case_no_contract, "deadline")
        self.assertFalse(notebook.ep_case_ids)
