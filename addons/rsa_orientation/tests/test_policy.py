"""Who may propose, decide, give the team's opinion and step a sanction in a
carnet (carnet_de_bord's access policy, extended by this module): seed 003,
the President decides by his delegates (the correspondants for their
territories, the managers), the référent proposes ("Peut … proposer au
Conseil Général une autre orientation"), the équipe pluridisciplinaire
gives an opinion ("émettre un avis")."""
from odoo.exceptions import AccessError, UserError
from odoo.modules.module import get_module_resource

from odoo.addons.carnet_de_bord.models.cdb_notebook_policy import DELEGATES

from ..models.cdb_notebook import (
    PERM_AGREE_ASSESSMENT, PERM_DECIDE, PERM_DELETE_AGREED_ASSESSMENT, PERM_GIVE_OPINION,
    PERM_PROPOSE, PERM_STEP_SANCTION)
from .common import OrientationCase

MODULE_PERMISSIONS = (PERM_PROPOSE, PERM_DECIDE, PERM_GIVE_OPINION, PERM_STEP_SANCTION,
                      PERM_AGREE_ASSESSMENT, PERM_DELETE_AGREED_ASSESSMENT)


class PolicyCase(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utpolitique", cls.referent,
                                     territory_id=cls.territory.id)
        cls._member(cls.notebook, cls.accompagnateur)
        cls.orientation = cls._orientation(cls.notebook, "solidarity", decide=True)
        cls.session = cls._session(cls.team_member)
        cls.assessment = cls._agreed_assessment(cls.notebook)

    def _as(self, user, record):
        return record.sudo(user)


class TestPermissions(PolicyCase):

    def test_the_policy_lists_the_permissions_of_the_module(self):
        table = {name: roles for name, _label, roles in
                 self.env["cdb.notebook"]._cdb_policy_table()}
        for permission in MODULE_PERMISSIONS:
            self.assertIn(permission, table)
        for permission in (PERM_DECIDE, PERM_STEP_SANCTION):
            self.assertEqual(set(table[permission]), set(DELEGATES))

    def test_the_readme_lists_them(self):
        readme = get_module_resource("rsa_orientation", "readme", "USAGE.rst")
        with open(readme, encoding="utf-8") as handle:
            text = handle.read()
        for name in MODULE_PERMISSIONS:
            self.assertIn("``%s``" % name, text)

    def test_who_holds_each_permission_in_the_carnet(self):
        expected = {
            self.referent: {PERM_PROPOSE, PERM_AGREE_ASSESSMENT},
            self.accompagnateur: {PERM_PROPOSE, PERM_AGREE_ASSESSMENT},
            self.delegate: {PERM_PROPOSE, PERM_AGREE_ASSESSMENT, PERM_DECIDE,
                            PERM_GIVE_OPINION, PERM_STEP_SANCTION},
            self.manager: {PERM_PROPOSE, PERM_AGREE_ASSESSMENT, PERM_DECIDE,
                           PERM_GIVE_OPINION, PERM_STEP_SANCTION},
            self.team_member: set(),
            self.outsider: set(),
        }
        for user, granted in expected.items():
            for permission in MODULE_PERMISSIONS:
                with self.subTest(user=user.login, permission=permission):
                    self.assertEqual(self.notebook._cdb_may(permission, user),
                                     permission in granted)

    def test_the_team_member_gives_the_opinion_once_a_case_is_on_his_agenda(self):
        self.assertFalse(self.notebook._cdb_may(PERM_GIVE_OPINION, self.team_member))
        self._case(self.notebook, session_id=self.session.id)
        self.assertTrue(self.notebook._cdb_may(PERM_GIVE_OPINION, self.team_member))
        self.assertFalse(self.notebook._cdb_may(PERM_GIVE_OPINION, self.team_member2))

    def test_a_correspondant_of_another_territory_is_no_delegate_here(self):
        other = self._user("ut.delegate.other", "group_cdb_correspondant")
        other.cdb_territory_ids = self.env["cdb.territory"].create({"name": "UT Ailleurs"})
        self.assertFalse(self.notebook._cdb_may(PERM_DECIDE, other))


class TestOrientationDecision(PolicyCase):
    """The référent unique changes through a decision of a delegate only:
    a member who could decide an orientation naming himself took the carnet
    (and its health section) over."""

    def test_a_member_proposes_but_does_not_decide(self):
        for user in (self.referent, self.accompagnateur):
            with self.subTest(user=user.login):
                proposal = self._as(user, self.env["rsa.orientation"]).create({
                    "notebook_id": self.notebook.id, "orientation_type": "professional_ft",
                    "referent_id": self.accompagnateur.id})
                self.assertRefused(
                    AccessError, "rsa.orientation",
                    [("notebook_id", "=", self.notebook.id), ("state", "=", "decided")],
                    proposal.action_decide)
                self.assertEqual(proposal.state, "draft")
                self.assertEqual(self.notebook.orientation_id, self.orientation)
                self.assertEqual(self.notebook.referent_id, self.referent)

    def test_an_accompagnateur_cannot_make_himself_referent(self):
        proposal = self._as(self.accompagnateur, self.env["rsa.orientation"]).create({
            "notebook_id": self.notebook.id, "referent_id": self.accompagnateur.id})
        with self.assertRaises(AccessError):
            proposal.action_decide()
        self.assertEqual(self.notebook.referent_id, self.referent)
        self.assertFalse(self.notebook.member_ids.filtered(
            lambda m: m.user_id == self.accompagnateur and m.role == "referent"))

    def test_a_delegate_decides(self):
        for user in (self.delegate, self.manager):
            with self.subTest(user=user.login):
                proposal = self._orientation(self.notebook, "professional_ft",
                                             referent=self.referent2)
                self.assertIs(self._as(user, proposal).action_decide(), True)
                self.assertEqual(proposal.state, "decided")
                self.assertEqual(self.notebook.referent_id, self.referent2)

    def test_an_outsider_proposes_nothing(self):
        with self.assertRaises(AccessError):
            self._as(self.outsider, self.env["rsa.orientation"]).create(
                {"notebook_id": self.notebook.id})
        with self.assertRaises(AccessError):
            self._as(self.outsider, self.notebook).action_new_orientation()


class TestEpCaseAuthority(PolicyCase):

    def _submitted(self, case_type="reorientation"):
        vals = {"session_id": self.session.id}
        if case_type == "reorientation":
            vals["assessment_id"] = self.assessment.id
        case = self._as(self.referent, self._case(self.notebook, case_type, **vals))
        if case_type == "suspension":
            self._attach(case)
        case.action_submit()
        case.write({"opinion_motive": "Motivation UT"})
        return case

    def test_the_referent_proposes_and_withdraws(self):
        case = self._submitted()
        self.assertEqual(case.state, "submitted")
        self.assertIs(case.action_cancel(), True)
        self.assertEqual(case.state, "cancelled")

    def test_the_referent_gives_no_opinion(self):
        case = self._submitted()
        with self.assertRaises(AccessError):
            case.action_give_opinion("favourable")
        self.assertEqual(case.state, "submitted")
        self.assertFalse(case.opinion)

    def test_the_team_member_gives_no_decision(self):
        case = self._submitted()
        self._as(self.team_member, case).action_give_opinion("favourable")
        for user in (self.team_member, self.referent, self.accompagnateur):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user, case).action_decide("confirmed")
        self.assertEqual(case.state, "opinion")
        self.assertFalse(case.decision)

    def test_a_delegate_decides_the_case(self):
        case = self._submitted()
        self._as(self.delegate, case).action_opinion_favourable()
        # the next référent is the delegate's choice (the référent may not write it)
        with self.assertRaises(AccessError):
            case.new_referent_id = self.referent2
        self._as(self.delegate, case).new_referent_id = self.referent2
        self.assertIs(self._as(self.delegate, case).action_grant(), True)
        case = case.sudo()  # the former référent no longer reads the carnet
        self.assertEqual(case.decision, "confirmed")
        self.assertEqual(case.decision_user_id, self.delegate)
        self.assertEqual(self.notebook.referent_id, self.referent2)

    def test_only_a_delegate_steps_the_sanction_scale(self):
        """No member may move a suspension to its next step: before, any
        member who could write the case applied the next reduction."""
        case = self._submitted("suspension")
        self._as(self.delegate, case).action_give_opinion("favourable")
        self._as(self.delegate, case).action_grant()
        self.assertEqual(len(case.sanction_step_ids), 1)
        for user in (self.referent, self.accompagnateur, self.team_member):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user, case).action_next_sanction_step()
        self.assertEqual(len(case.sanction_step_ids), 1)
        self.assertIs(self._as(self.delegate, case).action_next_sanction_step(), True)
        self.assertEqual(len(case.sanction_step_ids), 2)
        self.assertIs(self._as(self.manager, case).action_end_sanction_step(), True)
        self.assertTrue(case.sanction_step_ids[-1].date_end)

    def test_an_ep_member_opens_no_case(self):
        """The référent proposes a case; a team member only examines those
        put on his agenda (before, he could create one in any carnet)."""
        with self.assertRaises(AccessError):
            self._as(self.team_member, self.env["rsa.ep.case"]).create({
                "notebook_id": self.notebook.id, "case_type": "suspension",
                "suspension_reason": "breach", "session_id": self.session.id})


class TestAssessmentAuthority(PolicyCase):

    def test_an_agreed_assessment_is_deleted_by_the_administrator_only(self):
        assessment = self._agreed_assessment(self.notebook)
        for user in (self.referent, self.manager):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError), self.cr.savepoint():
                    self._as(user, assessment).unlink()
                self.assertTrue(assessment.exists())
        admin = self._user("ut.functional.admin", "group_cdb_admin")
        self._as(admin, assessment).unlink()
        self.assertFalse(assessment.exists())
