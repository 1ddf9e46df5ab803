"""The sanction scale applied (seed 003, "Les sanctions"): "En cas de
non-conclusion ou non-renouvellement du contrat, le montant du RSA sera
réduit de 100 € pendant un mois, puis de la moitié du montant forfaitaire
applicable au foyer (ou de la totalité du RSA pour une personne seule)
jusqu'à la conclusion ou le renouvellement de celui-ci. La radiation du
dispositif interviendra au bout de 4 mois de suspension totale". Every
step, the radiation included, is decided by a delegate of the President;
the signature of a contract ends the failure; the radiation is due 4 months
(a setting) after the start of the suspension, dated then, and the
delegates get a task when it is due."""
from collections import namedtuple

from odoo.exceptions import AccessError, UserError

from ..settings import RADIATION_AFTER_MONTHS

from .common import OrientationCase

DECISION = "rsa_orientation.mail_activity_type_decision"
# What the contracts module passes to _on_contracts_signed.
Contract = namedtuple("Contract", "notebook_id signed_date display_name")


class SanctionCase(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utsanction", cls.referent, territory_id=cls.territory.id)
        cls._member(cls.notebook, cls.accompagnateur)
        cls._orientation(cls.notebook, "solidarity", decide=True)
        cls.session = cls._session(cls.team_member)

    def _granted(self, reason="no_contract"):
        case = self._case_with_opinion(self.notebook, self.session, "suspension",
                                       suspension_reason=reason)
        case.sudo(self.delegate).action_grant()
        return case

    def _backdate(self, case, months):
        """The steps of ``case`` as if applied ``months`` earlier."""
        for step in case.sanction_step_ids:
            step._workflow_write({
                "date_start": self._shift(step.date_start, months=-months),
                "date_end": step.date_end and self._shift(step.date_end, months=-months)})
        case.invalidate_cache()

    def _tasks(self, case):
        return self.env["mail.activity"].search([
            ("res_model", "=", "rsa.ep.case"), ("res_id", "=", case.id),
            ("activity_type_id", "=", self.env.ref(DECISION).id)])


class TestEachStepByADelegate(SanctionCase):

    def test_every_step_radiation_included_is_a_delegates(self):
        members = (self.referent, self.accompagnateur, self.team_member)
        case = self._case_with_opinion(self.notebook, self.session, "suspension")
        # step 1: the decision of suspension
        for user in members:
            with self.subTest(step=1, user=user.login), self.assertRaises(AccessError):
                case.sudo(user).action_grant()
        case.sudo(self.delegate).action_grant()
        self.assertEqual(case.sanction_step_ids.mapped("rule_id.kind"), ["reduction"])
        # step 2 (the suspension), then the radiation once due
        for number, kind in ((2, "suspension"), (3, "radiation")):
            if kind == "radiation":
                self._backdate(case, 6)
            for user in members:
                with self.subTest(step=number, user=user.login), \
                        self.assertRaises(AccessError):
                    case.sudo(user).action_next_sanction_step()
            self.assertEqual(len(case.sanction_step_ids), number - 1)
            self.assertIs(case.sudo(self.manager if number == 3 else self.delegate)
                          .action_next_sanction_step(), True)
            self.assertEqual(case.sanction_step_ids[-1].rule_id.kind, kind)

    def test_the_end_of_the_failure_is_a_delegates(self):
        case = self._granted()
        case._apply_next_sanction_step()
        for user in (self.referent, self.accompagnateur, self.team_member):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                case.sudo(user).action_end_sanction_step()
        self.assertFalse(case.failure_end_date)
        case.sudo(self.delegate).action_end_sanction_step()
        self.assertEqual(case.failure_end_date, self.today)
        with self.assertRaises(UserError):
            case._apply_next_sanction_step()


class TestUntilTheConclusion(SanctionCase):
    """"… jusqu'à la conclusion ou le renouvellement de celui-ci"."""

    def test_a_contract_signed_ends_the_suspension(self):
        case = self._granted()
        suspension = case._apply_next_sanction_step()
        self.assertFalse(suspension.date_end)
        signed = self._shift(suspension.date_start, days=10)
        ended = self.env["rsa.ep.case"].sudo(self.referent)._on_contracts_signed(
            [Contract(self.notebook, signed, "CER-UT")])
        self.assertEqual(ended, case)
        self.assertEqual(suspension.date_end, signed)
        self.assertEqual(case.failure_end_date, signed)
        self.assertFalse(case.radiation_due_date, "no radiation after the conclusion")
        with self.assertRaises(UserError):
            case._apply_next_sanction_step()

    def test_a_breach_is_not_ended_by_a_signature(self):
        case = self._granted("breach")
        self.assertFalse(self.env["rsa.ep.case"]._on_contracts_signed(
            [Contract(self.notebook, self.today, "CER-UT")]))
        self.assertFalse(case.failure_end_date)

    def test_other_carnets_are_not_concerned(self):
        case = self._granted()
        other = self._notebook("Utautrecarnet", self.referent)
        self.env["rsa.ep.case"]._on_contracts_signed([Contract(other, self.today, "CER-UT")])
        self.assertFalse(case.failure_end_date)


class TestRadiation(SanctionCase):
    """"La radiation du dispositif interviendra au bout de 4 mois de
    suspension totale"."""

    def test_due_four_months_after_the_start_of_the_suspension(self):
        case = self._granted()
        self.assertFalse(case.radiation_due_date, "no suspension yet")
        suspension = case._apply_next_sanction_step()
        self.assertEqual(case.radiation_due_date, self._shift(suspension.date_start, months=4))
        with self.assertRaises(UserError):
            case._apply_next_sanction_step()
        self.assertEqual(len(case.sanction_step_ids), 2)

    def test_the_radiation_is_dated_when_due(self):
        case = self._granted()
        suspension = case._apply_next_sanction_step()
        self._backdate(case, 6)
        due = case.radiation_due_date
        self.assertEqual(due, self._shift(suspension.date_start, months=4))
        radiation = case._apply_next_sanction_step()
        self.assertEqual(radiation.rule_id.kind, "radiation")
        self.assertEqual(radiation.date_start, due)
        self.assertEqual(suspension.date_end, due)
        self.assertFalse(case.radiation_due_date)

    def test_the_months_are_a_setting(self):
        self._param(RADIATION_AFTER_MONTHS.key, "6")
        case = self._granted()
        suspension = case._apply_next_sanction_step()
        self.assertEqual(case.radiation_due_date, self._shift(suspension.date_start, months=6))

    def test_the_delegates_get_a_task_when_it_is_due(self):
        case = self._granted()
        case._apply_next_sanction_step()
        Case = self.env["rsa.ep.case"]
        self.assertNotIn(case, Case._cron_radiation_due())
        self._backdate(case, 6)
        self.assertIn(case, Case._cron_radiation_due())
        self.assertEqual(self._tasks(case).mapped("user_id"), self.delegate)
        self.assertEqual(self._tasks(case).date_deadline, case.radiation_due_date)
        self.assertNotIn(case, Case._cron_radiation_due(), "once")
        case.sudo(self.delegate).action_next_sanction_step()
        self.assertFalse(self._tasks(case), "the task ends with the decision")

    def test_a_breach_is_radiated_at_the_end_of_its_suspension(self):
        case = self._granted("breach")
        suspension = case._apply_next_sanction_step()
        self.assertEqual(case.radiation_due_date, suspension.date_end)
        self._backdate(case, 8)
        radiation = case._apply_next_sanction_step()
        self.assertEqual(radiation.date_start, suspension.date_end)
