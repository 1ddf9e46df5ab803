"""Workflow fields change only through their actions (cdb_base's
cdb.workflow.mixin): a user who may write a record still cannot write its
state, its decision, the dates and author of the decision or its number
directly, whatever his role; the actions still work. Before, a référent
could write ``state = "decided"`` on his own proposal, an agreed assessment
state on an unfinished grid, or a sanction step of his choice."""
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import OrientationCase


class TestWorkflowFields(OrientationCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Utworkflow", cls.referent, territory_id=cls.territory.id)
        cls._member(cls.notebook, cls.accompagnateur)
        cls.session = cls._session(cls.team_member)
        cls.orientation = cls._orientation(cls.notebook, "solidarity", decide=True)
        cls.proposal = cls._orientation(cls.notebook, "professional_ft")
        cls.assessment = cls._agreed_assessment(cls.notebook)
        cls.draft_assessment = cls._agreed_assessment(cls.notebook, agree=False)
        cls.case = cls._case_with_opinion(cls.notebook, cls.session, "suspension")
        cls.draft_case = cls._case(cls.notebook, session_id=cls.session.id)
        cls._decide(cls.case)
        cls.step = cls.case.sanction_step_ids
        cls.roles = {
            "referent": cls.referent,
            "accompagnateur": cls.accompagnateur,
            "correspondant": cls.delegate,
            "manager": cls.manager,
            "ep_member": cls.team_member,
        }
        other = cls.env["res.users"].search([("id", "!=", cls.referent.id)], limit=1)
        # record: {workflow field: a value the actions would set}
        cls.attempts = [
            (cls.proposal, {"state": "decided"}),
            (cls.proposal, {"ep_case_id": cls.case.id}),
            (cls.orientation, {"state": "replaced"}),
            (cls.orientation, {"state": "draft"}),
            (cls.orientation, {"date_decision": "2020-01-01"}),
            (cls.orientation, {"referent_id": other.id}),
            (cls.orientation, {"orientation_type": "professional_ft"}),
            (cls.draft_case, {"state": "submitted"}),
            (cls.draft_case, {"date_submitted": cls.today}),
            (cls.draft_case, {"opinion": "favourable"}),
            (cls.draft_case, {"opinion_date": cls.today}),
            (cls.draft_case, {"decision": "confirmed"}),
            (cls.draft_case, {"decision_date": cls.today}),
            (cls.draft_case, {"decision_user_id": other.id}),
            (cls.draft_case, {"result_orientation_id": cls.proposal.id}),
            (cls.draft_case, {"name": "DOS-FAUX"}),
            (cls.case, {"state": "opinion"}),
            (cls.case, {"decision": "refused"}),
            (cls.case, {"opinion": "unfavourable"}),
            (cls.case, {"opinion_motive": "Autre motivation"}),
            (cls.case, {"decision_note": "Autre commentaire"}),
            (cls.case, {"decision_date": "2020-01-01"}),
            (cls.session, {"state": "closed"}),
            (cls.session, {"name": "EP-FAUX"}),
            (cls.step, {"date_end": cls.today}),
            (cls.step, {"date_start": "2020-01-01"}),
            (cls.step, {"rule_id": cls.env.ref("rsa_orientation.sanction_no_contract_3").id}),
            (cls.draft_assessment, {"state": "done"}),
        ]

    def _snapshot(self, record, vals):
        record.invalidate_cache()
        return {name: record._fields[name].convert_to_write(record[name], record)
                for name in vals}

    def test_each_role_is_refused(self):
        for role, user in self.roles.items():
            for record, vals in self.attempts:
                before = self._snapshot(record, vals)
                with self.subTest(role=role, model=record._name, vals=vals):
                    with self.assertRaises(AccessError), self.cr.savepoint(), \
                            mute_logger("odoo.models", "odoo.addons.base.ir.ir_rule"):
                        record.sudo(user).write(vals)
                    self.assertEqual(self._snapshot(record, vals), before)

    def test_the_superuser_writes_no_workflow_field_either(self):
        """The guard is on the field, not on the user: code that skips the
        actions is refused as well."""
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.proposal.write({"state": "decided"})
        self.assertEqual(self.proposal.state, "draft")

    def test_create_with_a_decided_state_is_refused(self):
        attempts = {
            "rsa.orientation": {"notebook_id": self.notebook.id, "state": "decided",
                                "referent_id": self.referent.id},
            "rsa.ep.case": {"notebook_id": self.notebook.id, "case_type": "suspension",
                            "state": "decided", "decision": "confirmed"},
            "rsa.ede.assessment": {"notebook_id": self.notebook.id, "state": "done"},
            "rsa.sanction.step": {"case_id": self.case.id, "date_start": self.today,
                                  "rule_id": self.step.rule_id.id},
            "rsa.ep.session": {"date": self.today + " 09:00:00", "territory": "UT",
                               "state": "closed"},
        }
        for role, user in self.roles.items():
            for model, vals in attempts.items():
                with self.subTest(role=role, model=model):
                    self.assertRefused(AccessError, model, [],
                                       lambda: self.env[model].sudo(user).create(vals))

    def test_the_actions_still_work(self):
        as_delegate = self.proposal.sudo(self.delegate)
        self.assertIs(as_delegate.action_decide(), True)
        self.assertEqual(self.proposal.state, "decided")
        self.assertEqual(self.orientation.state, "replaced")
        case = self.draft_case.sudo(self.referent)
        case.write({"assessment_id": self.assessment.id})
        self.assertIs(case.action_submit(), True)
        case.write({"opinion_motive": "Projet professionnel construit"})
        self.assertIs(case.sudo(self.team_member).action_opinion_favourable(), True)
        self.assertIs(case.sudo(self.manager).action_refuse(), True)
        self.assertEqual((case.state, case.opinion, case.decision),
                         ("decided", "favourable", "refused"))
        self.assertIs(self.draft_assessment.sudo(self.referent).action_done(), True)
        self.assertEqual(self.draft_assessment.state, "done")
        session = self.session.sudo(self.team_member)
        self.assertIs(session.action_hold(), True)
        self.assertIs(session.action_close(), True)
        self.assertEqual(self.session.state, "closed")

    def test_free_fields_stay_free(self):
        """The note of an orientation, the note of a step, the minutes of a
        session are no workflow fields."""
        self.orientation.sudo(self.referent).write({"note": "Note UT"})
        self.step.sudo(self.delegate).write({"note": "Note UT"})
        self.session.sudo(self.team_member).write({"minutes": "<p>Compte rendu</p>"})
        self.assertEqual(self.orientation.note, "Note UT")

    def test_a_record_stays_in_its_carnet(self):
        other = self._notebook("Utailleurs", self.referent)
        for record in (self.proposal, self.draft_case, self.draft_assessment):
            with self.subTest(model=record._name):
                with self.assertRaises(ValidationError), self.cr.savepoint():
                    record.sudo(self.referent).write({"notebook_id": other.id})
                record.invalidate_cache()
                self.assertEqual(record.notebook_id, self.notebook)
