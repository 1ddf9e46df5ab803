"""The access matrix (issue "Access model"; seed 003, DUI: "l'utilisateur
ne peut consulter ou modifier que les dossiers pour lesquels il est nommé
référent"): every role × every model of carnet_de_bord, rsa_orientation
and cer_contracts × read / write / create / unlink, on a carnet the role is
linked to (member, structure, territory, EP session; for the beneficiary, a
portal user, their own carnet) and on a carnet it is not linked to, plus
the messages, attachments, followers, activities and appointments of a
carnet. The health details (``cdb.health``) are an allow-list (the référent
and the beneficiary only: readme/SHARING.rst), the sharing choices
(``cdb.notebook.share``) are changed by the référent or a manager, the
journal of accesses (``cdb.access.log``) is read by the members and the
managers and written by nobody (readme/DATA_PROTECTION.rst). A non-member
reads the content of a carnet with a reason only (``cdb_access_reason``).
The cdb_departement models are tested in that module
(cdb_departement/tests/test_departement_access.py).

The expected table is data: ``ROLES`` maps a role to the operations it has
on each model of the linked and of the foreign carnet ("r", "w", "c", "u";
a model left out means no access at all). To add a role (the beneficiary,
portal), add its user in ``_make_users`` and its line in ``ROLES``.
"""
import base64

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.carnet_de_bord.models.cdb_notebook_audit import CdbAccessReasonRequired
from odoo.addons.carnet_de_bord.tests.common import CdbCase
from odoo.addons.rsa_orientation.tests.common import keep_the_guide

# What a professional's access rights allow on the data of a carnet.
PROFESSIONAL = {
    "cdb.notebook": "rw",
    "cdb.notebook.member": "rwcu",
    "cdb.situation": "rwc",
    "cdb.objective": "rwcu",
    "cdb.action": "rwcu",
    "rsa.dsp": "rwc",
    "rsa.ede.assessment": "rwcu",
    "rsa.ede.assessment.line": "rwcu",
    "rsa.orientation": "rwc",
    "rsa.ep.case": "rwc",
    # steps are applied by the EP case's actions only (a delegate)
    "rsa.sanction.step": "rw",
    "rsa.ep.session": "r",
    "cer.contract": "rwc",
    "cer.pap.line": "rwcu",
    "cer.amendment": "rwcu",
    "cer.amendment.line": "rwcu",
    "cer.job.offer": "rwcu",
    "cer.contract.job": "rwcu",
    "cer.contract.experience": "rwcu",
    "cer.liaison": "rwc",
}
# Models of carnet_de_bord whose access is not a professional's usual one.
HEALTH, SHARE, ACCESS_LOG = "cdb.health", "cdb.notebook.share", "cdb.access.log"
CARNET_MODELS = tuple(PROFESSIONAL) + (HEALTH, SHARE, ACCESS_LOG)
CATALOGUES = (
    "cdb.action.code", "cdb.rome.code", "cdb.diploma.level", "cdb.territory",
    "rsa.ede.scale", "rsa.ede.item", "rsa.ede.level", "rsa.sanction.rule",
    "cer.commitment", "cer.liaison.action",
)


def _with(base, **changes):
    result = dict(base)
    result.update({model.replace("__", "."): ops for model, ops in changes.items()})
    return result


# A contract and its parts are drawn up by the référent or a delegate of the
# President (permission "sign"; guide: "Le contrat est à compléter par le
# référent … nommé"): an accompagnateur or a structure administrator reads
# them; the accompagnateur fills the PAP lines of the actions he is in
# charge of (seed 000: "L'accompagnateur remplit la partie qui le
# concerne"), test_accompagnateur_fills_the_part_of_his_actions.
CONTRACT_PARTS = ("cer.contract", "cer.pap.line", "cer.amendment", "cer.amendment.line",
                  "cer.job.offer", "cer.contract.job", "cer.contract.experience")
READS_CONTRACTS = {model.replace(".", "__"): "r" for model in CONTRACT_PARTS}
# A structure administrator reaches the carnets followed by a professional of
# their structure, but not the EP sessions (they are no member of them).
STRUCTURE_ADMIN = _with(PROFESSIONAL, rsa__ep__session="", **READS_CONTRACTS)
# A correspondant sees their territory; only members invite into a carnet.
CORRESPONDANT = _with(PROFESSIONAL, cdb__notebook__member="r", rsa__ep__session="")
# The référent reads the health details (allow-list) and records the
# beneficiary's sharing choices; an accompagnateur reads the choices only.
# Members read the journal of accesses of their carnet.
REFERENT = _with(PROFESSIONAL, cdb__health="rwc", cdb__notebook__share="rwcu",
                 cdb__access__log="r")
ACCOMPAGNATEUR = _with(PROFESSIONAL, cdb__notebook__share="r", cdb__access__log="r",
                       **READS_CONTRACTS)
# Managers: no health details; the choices and the journal of the carnets
# they see (their territories, if they have some).
MANAGER = _with(PROFESSIONAL, rsa__ep__session="rw", cdb__notebook__share="rwcu",
                cdb__access__log="r")
ADMIN = _with({model: "rwcu" for model in PROFESSIONAL},
              cdb__notebook__share="rwcu", cdb__access__log="r", rsa__sanction__step="rwu")
# The beneficiary (portal) reads their own carnet as the portal shows it
# and writes nothing through the ORM (the portal's controllers do, as
# superuser, after their own checks).
BENEFICIARY = {model: "r" for model in (
    "cdb.notebook", "cdb.notebook.member", "cdb.situation", "cdb.objective",
    "cdb.action", "cer.contract", HEALTH, SHARE)}
# EP members examine the cases of their sessions; they propose none (the
# carnet's members do) and apply no sanction step (the EP case's actions do).
# They read what they decide on (issue 11): the path, the DSP, the EDE, the
# contracts with their plan, its bilan, job offers and amendments; not the
# rest of the carnet (its actions outside a contract's plan included).
EP_MEMBER = {
    "rsa.ep.case": "rw", "rsa.sanction.step": "rw", "rsa.ep.session": "rw",
    "rsa.dsp": "r", "rsa.orientation": "r",
    "rsa.ede.assessment": "r", "rsa.ede.assessment.line": "r",
    "cer.contract": "r", "cer.pap.line": "r", "cer.amendment": "r",
    "cer.amendment.line": "r", "cer.job.offer": "r", "cer.contract.job": "r",
    "cer.contract.experience": "r",
}

# Who decides (issue 11; seed 003: the orientation is a decision of the
# Président du Conseil Général, by his delegates; the référent "Peut …
# proposer au Conseil Général une autre orientation"), on the linked carnet:
# propose an orientation, decide it, step the sanction scale.
PROPOSE, DECIDE, STEP = "propose", "decide", "step_sanction"
DELEGATE = {PROPOSE, DECIDE, STEP}
AUTHORITY = {
    "referent": {PROPOSE},
    "accompagnateur": {PROPOSE},
    "structure_admin": {PROPOSE},
    "correspondant": DELEGATE,
    "manager_of_territory": DELEGATE,
    "manager": DELEGATE,
    "functional_admin": DELEGATE,
    "ep_member": set(),
    "employee": set(),
    "beneficiary": set(),
}

# role: (operations on the linked carnet, operations on the foreign carnet)
ROLES = {
    "referent": (REFERENT, {}),
    "accompagnateur": (ACCOMPAGNATEUR, {}),
    "structure_admin": (STRUCTURE_ADMIN, {}),
    "correspondant": (CORRESPONDANT, {}),
    "manager_of_territory": (MANAGER, {"rsa.ep.session": "rw"}),
    "manager": (MANAGER, MANAGER),
    "functional_admin": (ADMIN, ADMIN),
    "ep_member": (EP_MEMBER, {}),
    "employee": ({}, {}),
    "beneficiary": (BENEFICIARY, {}),
}
# Catalogues: every internal user reads them, the functional admin edits
# them; the beneficiary reads those their portal shows.
CATALOGUE_OPS = {"functional_admin": "rwcu"}
PORTAL_CATALOGUES = ("cdb.action.code", "cdb.rome.code", "cdb.diploma.level")
# What the ORM gives the beneficiary of the documents of their carnet: its
# files, followers and the attendees of its appointments; not the internal
# notes, the activities nor the appointments (the portal shows those it
# shows through its controllers).
PORTAL_DOCUMENTS = ("ir.attachment", "mail.followers", "calendar.attendee")
# Models whose write and unlink check more than the access rights and rules
# (the sharing choices: the référent or a manager; a contract and its parts:
# who may draw it up): the values of the write tried.
ATTEMPTED = {
    SHARE: {"visible": False},
    "cer.contract": {"objectives": "Objectifs revus"},
    "cer.pap.line": {"bilan_comment": "Bilan de l'action"},
    "cer.amendment": {"reason": "Motif revu"},
    "cer.amendment.line": {"beneficiary_engagement": "S'inscrire à l'atelier"},
    "cer.job.offer": {"comment": "Candidature envoyée"},
    "cer.contract.job": {"characteristics": "Horaires de jour"},
    "cer.contract.experience": {"skills": "Accueil du public"},
}


class TestAccessMatrix(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_notrack=True))
        keep_the_guide(cls.env)  # the guide's orientations and contracts
        Territory = cls.env["cdb.territory"]
        cls.territory = Territory.create({"name": "AM Territoire A"})
        cls.other_territory = Territory.create({"name": "AM Territoire B"})
        # A structure with no member in the carnets: a choice made for it is
        # the default of its future members.
        cls.structure_c = cls.env["res.partner"].create({
            "name": "AM Structure C", "is_company": True, "cdb_is_structure": True})
        cls._make_users()
        cls.records = {
            "linked": cls._carnet_data("Amlinked", cls.users["referent"], cls.territory,
                                       cls.users["accompagnateur"], cls.users["ep_member"],
                                       cls.users["beneficiary"].partner_id),
            "foreign": cls._carnet_data("Amforeign", cls.foreign_referent,
                                        cls.other_territory, cls.referent2, cls.designated),
        }

    @classmethod
    def _make_users(cls):
        """One user per role (the référent and the accompagnateur of the
        linked carnet are CdbCase's; the beneficiary is a portal user whose
        partner is the linked carnet's beneficiary), the référent of the
        foreign carnet and a professional to invite."""
        user = cls._user
        cls.designated = user("am.designated", "group_cdb_correspondant")
        cls.foreign_referent = cls.referent2
        cls.spare = cls.outsider
        cls.users = {
            "referent": cls.referent,
            "accompagnateur": cls.accompagnateur,
            "structure_admin": user("am.structure.admin", "group_cdb_structure_admin",
                                    cls.accompagnateur.cdb_structure_id),
            "correspondant": user("am.correspondant", "group_cdb_correspondant"),
            "manager_of_territory": user("am.manager.territory", "group_cdb_manager"),
            "manager": user("am.manager", "group_cdb_manager"),
            "functional_admin": user("am.functional.admin", "group_cdb_admin"),
            "ep_member": user("am.ep", "rsa_orientation.group_rsa_orientation_team"),
            "employee": user("am.employee", "base.group_user"),
            "beneficiary": cls._portal_user("am.beneficiary", cls._beneficiary("Amlinked")),
        }
        cls.users["correspondant"].cdb_territory_ids = cls.territory
        cls.users["manager_of_territory"].cdb_territory_ids = cls.territory
        cls.designated.cdb_territory_ids = cls.territory | cls.other_territory

    @classmethod
    def _portal_user(cls, login, partner):
        """A portal user (the beneficiary's access to their carnet)."""
        partner.email = "%s@ut.example" % login
        return cls.env["res.users"].with_context(no_reset_password=True).create({
            "login": login, "partner_id": partner.id,
            "groups_id": [(6, 0, cls.env.ref("base.group_portal").ids)]})

    @classmethod
    def _carnet_data(cls, lastname, referent, territory, member, ep_member,
                     beneficiary=None):
        """One record of every model hanging off a new carnet, and its
        messages, attachment, followers, activity and appointment."""
        env = cls.env
        notebook = env["cdb.notebook"].create({
            "beneficiary_id": (beneficiary or cls._beneficiary(lastname)).id,
            "referent_id": referent.id, "territory_id": territory.id})
        if member != referent:
            member = cls._member(notebook, member)
        else:
            member = notebook.member_ids
        orientation = env["rsa.orientation"].create({
            "notebook_id": notebook.id, "orientation_type": "solidarity",
            "referent_id": referent.id, "correspondant_id": cls.designated.id,
            "date_decision": cls.today})
        orientation.action_decide()
        assessment = env["rsa.ede.assessment"].create({"notebook_id": notebook.id})
        session = env["rsa.ep.session"].create({
            "date": cls.today + " 09:00:00", "territory": territory.name,
            "member_ids": [(6, 0, ep_member.ids)]})
        case = env["rsa.ep.case"].create({
            "notebook_id": notebook.id, "case_type": "reorientation",
            "reorientation_reason": "situation_change",
            "requested_orientation_type": "professional_ft",
            "motive": "Motif %s" % lastname, "session_id": session.id,
            "assessment_id": assessment.id})
        contract = env["cer.contract"].create({
            "notebook_id": notebook.id, "referent_id": referent.id,
            "objectives": "Objectifs %s" % lastname})
        pap_line = env["cer.pap.line"].create({
            "contract_id": contract.id, "action_code_id": cls._code("A.1.1").id,
            "date_start": cls.today, "date_deadline": cls._shift(cls.today, months=3),
            "beneficiary_engagement": "Constituer le dossier FSL."})
        amendment = env["cer.amendment"].create({
            "contract_id": contract.id, "reason": "Avenant %s" % lastname})
        records = {
            "cdb.notebook": notebook,
            "cdb.notebook.member": member,
            "cdb.situation": env["cdb.situation"].create({
                "notebook_id": notebook.id, "health": "Santé %s" % lastname}),
            "cdb.objective": env["cdb.objective"].create({
                "notebook_id": notebook.id, "name": "Objectif %s" % lastname}),
            "cdb.action": cls._action(notebook),
            "rsa.dsp": env["rsa.dsp"].create({"notebook_id": notebook.id}),
            "rsa.ede.assessment": assessment,
            "rsa.ede.assessment.line": assessment.line_ids[:1],
            "rsa.orientation": orientation,
            "rsa.ep.case": case,
            "rsa.sanction.step": env["rsa.sanction.step"]._apply(
                case, env["rsa.sanction.rule"].search([], limit=1), cls.today),
            "rsa.ep.session": session,
            "cer.contract": contract,
            "cer.pap.line": pap_line,
            "cer.amendment": amendment,
            "cer.amendment.line": env["cer.amendment.line"].create({
                "amendment_id": amendment.id, "action_code_id": cls._code("A.1.1").id,
                "date_deadline": cls._shift(cls.today, months=2)}),
            "cer.job.offer": env["cer.job.offer"].create({
                "contract_id": contract.id, "offer": "Offre %s" % lastname}),
            "cer.contract.job": env["cer.contract.job"].create({
                "contract_id": contract.id,
                "rome_code_id": env["cdb.rome.code"].search([], limit=1).id}),
            "cer.contract.experience": env["cer.contract.experience"].create({
                "contract_id": contract.id, "job": "Emploi %s" % lastname}),
            "cer.liaison": env["cer.liaison"].create({
                "notebook_id": notebook.id, "referent_id": referent.id}),
            HEALTH: env[HEALTH].create({
                "notebook_id": notebook.id, "description": "Santé %s" % lastname}),
            SHARE: env[SHARE].create({
                "notebook_id": notebook.id, "structure_id": member.structure_id.id,
                "section": "documents", "visible": True}),
        }
        env[ACCESS_LOG]._log_accesses(notebook.ids, "Contrôle %s" % lastname, cls.designated)
        records[ACCESS_LOG] = env[ACCESS_LOG].search([("notebook_id", "=", notebook.id)])
        missing = [model for model in CARNET_MODELS if not records.get(model)]
        assert not missing, missing
        records.update(cls._document_data(notebook, lastname, referent))
        return records

    @classmethod
    def _document_data(cls, notebook, lastname, referent):
        env = cls.env
        note = "Note %s" % lastname
        message = notebook.message_post(
            body=note, message_type="comment", subtype="mail.mt_note")
        attachment = env["ir.attachment"].create({
            "name": "bilan-%s.txt" % lastname, "datas_fname": "bilan-%s.txt" % lastname,
            "datas": base64.b64encode(b"bilan"),
            "res_model": "cdb.notebook", "res_id": notebook.id})
        notebook.message_subscribe(partner_ids=referent.partner_id.ids)
        activity = notebook._cdb_schedule_activity(
            "mail.mail_activity_data_todo", "Rappel %s" % lastname, cls.today, referent)
        event = env["calendar.event"].with_context(no_mail_to_attendees=True).create({
            "name": "Entretien %s" % lastname, "cdb_notebook_id": notebook.id,
            "user_id": referent.id,
            "start": cls.today + " 09:00:00", "stop": cls.today + " 10:00:00",
            "duration": 1.0})
        return {
            "mail.message": message,
            "ir.attachment": attachment,
            "mail.followers": env["mail.followers"].search([
                ("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook.id)]),
            "mail.activity": activity,
            "calendar.event": event,
            "calendar.attendee": event.attendee_ids,
        }

    # ----------------------------------------------------------- helpers
    def _expected(self, role, scope, model):
        linked, foreign = ROLES[role]
        return (linked if scope == "linked" else foreign).get(model, "")

    def _can(self, record, operation):
        """Whether the ORM lets the user (the env of ``record``) do
        ``operation`` on ``record``: the checks ``write`` and ``unlink``
        make before touching it; for the models that check more themselves
        (``ATTEMPTED``), the write or unlink itself, rolled back."""
        if record._name in ATTEMPTED:
            return self._attempt(record, operation)
        try:
            record.check_access_rights(operation)
            record.check_access_rule(operation)
        except AccessError:
            return False
        return True

    def _attempt(self, record, operation):
        try:
            with self.cr.savepoint(), mute_logger("odoo.models", "odoo.addons.base.ir.ir_rule"):
                if operation == "write":
                    record.write(ATTEMPTED[record._name])
                else:
                    record.unlink()
                raise _Rollback()
        except _Rollback:
            return True
        except AccessError:
            return False
        finally:
            self.env.clear()

    def _can_read(self, record):
        """Every way of reading: search, search_count, read, read_group,
        name_search, export_data. Raise if they disagree."""
        Model = record.browse().with_context(active_test=False)
        try:
            Model.check_access_rights("read")
        except AccessError:
            return False
        found = Model.search([("id", "=", record.id)])
        counted = Model.search_count([("id", "=", record.id)])
        groups = Model.read_group([("id", "=", record.id)], ["id"], [])
        grouped = groups[0]["__count"] if groups else 0
        try:
            record.read(["display_name"])
            rows = record.export_data(["display_name"])["datas"]
            readable = True
        except AccessError:
            rows, readable = [], False
        outcomes = {bool(found), bool(counted), bool(grouped), readable, bool(rows)}
        self.assertEqual(len(outcomes), 1, "%s %s: search %s, count %s, read_group %s, read %s, "
                         "export %s" % (record._name, record.env.user.login, found, counted,
                                        grouped, readable, rows))
        return readable

    def _can_create(self, model, scope, user):
        values = self._create_values(model, scope)
        if values is None:
            return None
        try:
            with self.cr.savepoint(), mute_logger("odoo.models", "odoo.addons.base.ir.ir_rule"):
                self.env[model].sudo(user).create(values)
                raise _Rollback()
        except _Rollback:
            return True
        except (AccessError, ValidationError) as error:
            return self._refused(error)
        finally:
            # the savepoint is rolled back, not the records' cache and
            # pending recomputations
            self.env.clear()

    @staticmethod
    def _refused(error):
        """An AccessError, or the ValidationError Odoo 11 makes of an
        AccessError raised while checking a constraint (``_validate_fields``):
        the new record is not readable by its author."""
        if isinstance(error, ValidationError) and "(Document type:" not in str(error):
            raise error
        return False

    def _create_values(self, model, scope):
        """Values of a new record of ``model`` in the carnet of ``scope``;
        None where creating means something else than adding to a carnet."""
        records = self.records[scope]
        notebook = records["cdb.notebook"].id
        contract = records["cer.contract"].id
        return {
            "cdb.notebook.member": {"notebook_id": notebook, "user_id": self.spare.id},
            "cdb.situation": {"notebook_id": notebook, "housing": "Hébergé"},
            "cdb.objective": {"notebook_id": notebook, "name": "Nouvel objectif"},
            "cdb.action": {"notebook_id": notebook, "action_code_id": self._code("A.1.1").id,
                           "date_start": self.today,
                           "date_deadline": self._shift(self.today, months=1)},
            "rsa.dsp": {"notebook_id": notebook},
            "rsa.ede.assessment": {"notebook_id": notebook},
            "rsa.orientation": {"notebook_id": notebook, "orientation_type": "solidarity"},
            "rsa.ep.case": {"notebook_id": notebook, "case_type": "reorientation",
                            "reorientation_reason": "situation_change",
                            "requested_orientation_type": "professional_ft",
                            "motive": "Nouveau motif",
                            "session_id": records["rsa.ep.session"].id},
            "rsa.sanction.step": {"case_id": records["rsa.ep.case"].id,
                                  "rule_id": records["rsa.sanction.step"].rule_id.id,
                                  "date_start": self.today},
            "cer.pap.line": {"contract_id": contract, "action_code_id": self._code("A.1.1").id,
                             "date_start": self.today,
                             "date_deadline": self._shift(self.today, months=1)},
            "cer.job.offer": {"contract_id": contract, "offer": "Nouvelle offre"},
            "cer.contract.experience": {"contract_id": contract, "job": "Nouvel emploi"},
            "cer.contract.job": {"contract_id": contract,
                                 "rome_code_id": records["cer.contract.job"].rome_code_id.id},
            "cer.amendment": {"contract_id": contract, "reason": "Nouvel avenant"},
            "cer.amendment.line": {"amendment_id": records["cer.amendment"].id,
                                   "action_code_id": self._code("A.1.1").id,
                                   "date_deadline": self._shift(self.today, months=1)},
            HEALTH: {"notebook_id": notebook, "description": "Nouvelle version"},
            SHARE: {"notebook_id": notebook, "structure_id": self.structure_c.id,
                    "section": "plan", "visible": False},
            ACCESS_LOG: {"notebook_id": notebook, "user_id": self.spare.id,
                         "reason": "Ajout direct"},
        }.get(model)

    # ------------------------------------------------------------- tests
    def test_carnet_models(self):
        """Every role × carnet model × operation, on the linked and the
        foreign carnet."""
        for role, user in self.users.items():
            for scope in ("linked", "foreign"):
                for model in CARNET_MODELS:
                    expected = self._expected(role, scope, model)
                    record = self.records[scope][model].sudo(user)
                    with self.subTest(role=role, scope=scope, model=model):
                        actual = {
                            "r": self._can_read(record),
                            "w": self._can(record, "write"),
                            "u": self._can(record, "unlink"),
                            "c": self._can_create(model, scope, user),
                        }
                        for operation, allowed in actual.items():
                            if allowed is None:
                                continue
                            self.assertEqual(
                                allowed, operation in expected,
                                "%s on the %s carnet, %s: %s should be %s" % (
                                    role, scope, model, operation,
                                    "allowed" if operation in expected else "refused"))

    def test_who_draws_up_and_signs_a_contract(self):
        """Guide: "Le contrat est à compléter par le référent … nommé": the
        référent and the President's delegates (the correspondant of the
        territory, the managers, the functional administrator) record the
        signatures; no one else, whatever they may read or write in the
        carnet."""
        signers = {"referent", "correspondant", "manager_of_territory", "manager",
                   "functional_admin"}
        contract = self.records["linked"]["cer.contract"]
        self._agreed_assessment(contract.notebook_id)
        for role, user in self.users.items():
            with self.subTest(role=role):
                try:
                    with self.cr.savepoint(), mute_logger("odoo.models",
                                                          "odoo.addons.base.ir.ir_rule"):
                        as_user = contract.sudo(user)
                        as_user.write({"beneficiary_signed_date": self.today,
                                       "referent_signed_date": self.today,
                                       "reciprocity_answer": "declined"})
                        as_user.action_sign()
                        self.assertEqual(contract.state, "signed")
                        raise _Rollback()
                except _Rollback:
                    signed = True
                except AccessError:
                    signed = False
                finally:
                    self.env.clear()
                self.assertEqual(signed, role in signers)

    def test_accompagnateur_fills_the_part_of_his_actions(self):
        """Seed 000: "L'accompagnateur remplit la partie qui le concerne":
        on a PAP line of an action he is in charge of, its status, result,
        evaluation and bilan; nothing else of it, nothing of another line,
        nothing of the contract."""
        user = self.users["accompagnateur"]
        contract = self.records["linked"]["cer.contract"]
        others = self.records["linked"]["cer.pap.line"]
        mine = self.env["cer.pap.line"].create({
            "contract_id": contract.id, "action_code_id": self._code("B.2").id,
            "date_start": self.today, "date_deadline": self._shift(self.today, months=2),
            "user_id": user.id})
        mine.sudo(user).write({"state": "in_progress", "result": "Rendez-vous pris.",
                               "evaluation": "Bonne implication.",
                               "bilan_comment": "Suivi par le CMP."})
        self.assertEqual(mine.bilan_comment, "Suivi par le CMP.")
        self.assertEqual(mine.action_id.state, "in_progress")
        for record, values in (
                (mine, {"date_deadline": self._shift(self.today, months=4)}),
                (mine, {"referent_engagement": "Autre engagement"}),
                (others, {"bilan_comment": "Pas mon action"}),
                (contract, {"objectives": "Autres objectifs"}),
                (contract, {"beneficiary_signed_date": self.today})):
            with self.subTest(model=record._name, values=values):
                with self.assertRaises(AccessError):
                    with self.cr.savepoint():
                        record.sudo(user).write(values)
        with self.assertRaises(AccessError):
            with self.cr.savepoint():
                mine.sudo(user).unlink()

    @classmethod
    def _agreed_assessment(cls, notebook):
        assessment = cls.env["rsa.ede.assessment"].create({"notebook_id": notebook.id})
        for line in assessment.line_ids:
            line.level_id = line.item_id.level_ids[:1]
        assessment.action_done()
        return assessment

    def test_who_proposes_decides_and_steps_a_sanction(self):
        """Every role × propose (an orientation: create the draft and
        propose it), decide (an orientation proposed) and step the sanction
        scale (a granted suspension), on the linked carnet."""
        notebook = self.records["linked"]["cdb.notebook"]
        for role, user in self.users.items():
            expected = AUTHORITY[role]
            with self.subTest(role=role):
                self.assertEqual({
                    PROPOSE: self._attempt_action(lambda: self.env["rsa.orientation"].sudo(
                        user).create({"notebook_id": notebook.id,
                                      "orientation_type": "professional_ft",
                                      "referent_id": self.users["referent"].id}
                                     ).action_propose()),
                    DECIDE: self._attempt_action(
                        lambda: self._proposed(notebook).sudo(user).action_decide()),
                    STEP: self._attempt_action(
                        lambda: self._suspended(notebook).sudo(user).action_next_sanction_step()),
                }, {name: name in expected for name in (PROPOSE, DECIDE, STEP)})

    def _proposed(self, notebook):
        proposal = self.env["rsa.orientation"].create({
            "notebook_id": notebook.id, "orientation_type": "professional_ft",
            "referent_id": self.users["referent"].id})
        proposal.action_propose()
        return proposal

    def _suspended(self, notebook):
        """A suspension granted on ``notebook``: its first step applied."""
        case = self.env["rsa.ep.case"].create({
            "notebook_id": notebook.id, "case_type": "suspension",
            "suspension_reason": "no_contract", "motive": "Convocations sans réponse",
            "session_id": self.records["linked"]["rsa.ep.session"].id,
            "opinion_motive": "Aucune réponse"})
        self.env["ir.attachment"].create({
            "name": "convocation.pdf", "datas": base64.b64encode(b"convocation"),
            "res_model": "rsa.ep.case", "res_id": case.id})
        case.action_submit()
        case.action_give_opinion("favourable")
        case.action_grant()
        return case

    def _attempt_action(self, action):
        """Whether ``action`` is allowed (rolled back), or refused with an
        AccessError (the ValidationError Odoo 11 makes of one)."""
        try:
            with self.cr.savepoint(), mute_logger("odoo.models", "odoo.addons.base.ir.ir_rule"):
                action()
                raise _Rollback()
        except _Rollback:
            return True
        except (AccessError, ValidationError) as error:
            return self._refused(error)
        finally:
            self.env.clear()

    def test_catalogues(self):
        """Catalogues: read by every internal user, changed by the
        functional administrator only."""
        for role, user in self.users.items():
            for model in CATALOGUES:
                expected = CATALOGUE_OPS.get(role, "r")
                if role == "beneficiary":
                    expected = "r" if model in PORTAL_CATALOGUES else ""
                record = self.env[model].search([], limit=1).sudo(user)
                self.assertTrue(record, model)
                with self.subTest(role=role, model=model):
                    self.assertEqual(self._can_read(record), "r" in expected)
                    for operation, name in (("w", "write"), ("c", "create"), ("u", "unlink")):
                        self.assertEqual(
                            record.check_access_rights(name, raise_exception=False),
                            operation in expected, "%s %s %s" % (role, model, name))

    def test_documents_of_a_carnet(self):
        """Messages, attachments, followers, activities, appointments and
        their attendees follow the carnet: visible to who reads it, by any
        way of reading."""
        for role, user in self.users.items():
            for scope in ("linked", "foreign"):
                reads_carnet = "r" in self._expected(role, scope, "cdb.notebook")
                notebook = self.records[scope]["cdb.notebook"]
                for model in ("mail.message", "ir.attachment", "mail.followers",
                              "mail.activity", "calendar.event", "calendar.attendee"):
                    visible = reads_carnet and (role != "beneficiary" or model in PORTAL_DOCUMENTS)
                    records = self.records[scope][model]
                    with self.subTest(role=role, scope=scope, model=model):
                        Model = self.env[model].sudo(user)
                        if not Model.check_access_rights("read", raise_exception=False):
                            self.assertFalse(visible)
                            continue
                        found = Model.search([("id", "in", records.ids)])
                        self.assertEqual(bool(found), visible)
                        self.assertEqual(
                            sum(g["__count"] for g in Model.read_group(
                                [("id", "in", records.ids)], ["id"], [])) > 0, visible)
                        if model in ("calendar.event", "calendar.attendee"):
                            continue
                        field = "model" if model == "mail.message" else "res_model"
                        by_document = Model.search([
                            (field, "=", "cdb.notebook"), ("res_id", "=", notebook.id)])
                        self.assertEqual(bool(by_document), visible)
                        for record in records:
                            if visible:
                                # a follower's name is its partner's, which
                                # the portal may not read
                                record.sudo(user).read(
                                    ["res_id" if model == "mail.followers" else "display_name"])
                                continue
                            with self.assertRaises(AccessError):
                                record.sudo(user).read(["display_name"])
                            with self.assertRaises(AccessError):
                                record.sudo(user).export_data(["display_name"])
                            with self.assertRaises(AccessError):
                                record.sudo(user).name_get()

    def test_foreign_carnet_refuses_attaching(self):
        """A professional adds nothing to a carnet they are not linked to:
        message, attachment, follower, activity, appointment. The
        beneficiary adds nothing through the ORM, to their own carnet
        either (the portal's controllers do it after their own checks);
        they may follow their own carnet, which takes reading it only, as
        everywhere in Odoo."""
        cases = (("referent", "linked", True), ("referent", "foreign", False),
                 ("beneficiary", "linked", False), ("beneficiary", "foreign", False))
        intrusion = "Intrusion"
        for role, scope, allowed in cases:
            user = self.users[role]
            notebook = self.records[scope]["cdb.notebook"]
            attempts = {
                "message": lambda: notebook.sudo(user).message_post(
                    body=intrusion, message_type="comment", subtype="mail.mt_note"),
                "attachment": lambda: self.env["ir.attachment"].sudo(user).create({
                    "name": "x.txt", "datas": base64.b64encode(b"x"),
                    "res_model": "cdb.notebook", "res_id": notebook.id}),
                # a member of the linked carnet: only members and the
                # beneficiary follow a carnet (issue 10)
                "follower (self)": lambda: self.env["mail.followers"].sudo(user).create({
                    "res_model": "cdb.notebook", "res_id": notebook.id,
                    "partner_id": (self.users["accompagnateur"].partner_id.id if allowed
                                   else user.partner_id.id)}),
                "subscribe": lambda: self._subscribe(notebook.sudo(user)),
                "activity": lambda: self.env["mail.activity"].sudo(user).create({
                    "res_model_id": self.env["ir.model"]._get_id("cdb.notebook"),
                    "res_id": notebook.id, "summary": "Intrusion", "user_id": user.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id}),
                "appointment": lambda: self.env["calendar.event"].sudo(user).with_context(
                    no_mail_to_attendees=True).create({
                        "name": "Intrusion", "cdb_notebook_id": notebook.id,
                        "start": self.today + " 11:00:00", "stop": self.today + " 12:00:00"}),
            }
            for name, attempt in attempts.items():
                with self.subTest(role=role, scope=scope, attempt=name):
                    try:
                        with self.cr.savepoint(), mute_logger("odoo.models"):
                            attempt()
                            raise _Rollback()
                    except _Rollback:
                        done = True
                    except AccessError:
                        done = False
                    finally:
                        self.env.clear()
                    self.assertEqual(done, allowed or (
                        role == "beneficiary" and scope == "linked"
                        and name in ("subscribe", "follower (self)")))

    def test_non_member_reads_the_content_with_a_reason(self):
        """A manager, who is no member of the foreign carnet, reads its list
        fields freely, but its content only with a reason, which is logged
        (readme/DATA_PROTECTION.rst; seed 000: shared "dans le respect des
        règles de confidentialité des informations personnelles (CNIL)");
        a member reads the content of their carnet without one."""
        manager = self.users["manager"]
        notebook = self.records["foreign"]["cdb.notebook"].sudo(manager)
        Log = self.env[ACCESS_LOG]
        logged = [("notebook_id", "=", notebook.id), ("user_id", "=", manager.id)]
        notebook.read(["display_name", "beneficiary_id", "state"])
        self.assertFalse(Log.search(logged))
        with self.assertRaises(CdbAccessReasonRequired) as caught:
            notebook.read(["member_ids"])
        self.assertIn(notebook.id, caught.exception.args[1])
        self.assertFalse(Log.search(logged), "a refused read is not logged")
        rows = notebook.with_context(cdb_access_reason="Contrôle de la commission").read(
            ["member_ids"])
        self.assertEqual(rows[0]["member_ids"],
                         self.records["foreign"]["cdb.notebook"].member_ids.ids)
        self.assertEqual(Log.search(logged).mapped("reason"), ["Contrôle de la commission"])
        referent = self.users["referent"]
        linked = self.records["linked"]["cdb.notebook"]
        linked.sudo(referent).read(["member_ids"])
        self.assertFalse(Log.search([("notebook_id", "=", linked.id),
                                     ("user_id", "=", referent.id)]))

    def test_followers_are_members_or_the_beneficiary(self):
        """Following a carnet is for its active members and its beneficiary
        (issue 10): the référent may not subscribe someone from outside, a
        correspondant of the territory not even themselves."""
        notebook = self.records["linked"]["cdb.notebook"]
        for user, partner in ((self.users["referent"], self.spare.partner_id),
                              (self.users["correspondant"],
                               self.users["correspondant"].partner_id)):
            with self.subTest(user=user.login):
                self.assertRefused(
                    AccessError, "mail.followers",
                    [("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook.id)],
                    lambda user=user, partner=partner: self.env["mail.followers"].sudo(
                        user).create({"res_model": "cdb.notebook", "res_id": notebook.id,
                                      "partner_id": partner.id}))

    @staticmethod
    def _subscribe(notebook):
        """message_subscribe answers False rather than raising."""
        if not notebook.message_subscribe(partner_ids=notebook.env.user.partner_id.ids):
            refusal = "not subscribed"
            raise AccessError(refusal)

    def test_moving_a_follower_to_a_foreign_carnet_is_refused(self):
        """The own-entries rule of mail.followers lets one change its own
        subscription: not to follow a carnet one cannot read."""
        user = self.users["referent"]
        follower = self.records["linked"]["mail.followers"].filtered(
            lambda f: f.partner_id == user.partner_id)
        self.assertTrue(follower)
        with self.assertRaises(AccessError):
            follower.sudo(user).write({"res_id": self.records["foreign"]["cdb.notebook"].id})

    def test_moving_a_membership_to_a_foreign_carnet_is_refused(self):
        """Record rules are checked before a write: changing the carnet of a
        membership one manages would be an invitation there, refused (a
        record stays in its carnet, cdb.part.mixin)."""
        user = self.users["referent"]
        member = self.records["linked"]["cdb.notebook.member"].sudo(user)
        self.assertRefused(
            ValidationError, "cdb.notebook.member",
            [("notebook_id", "=", self.records["foreign"]["cdb.notebook"].id)],
            lambda: member.write({"notebook_id": self.records["foreign"]["cdb.notebook"].id}))

    def test_manager_without_territory_sees_the_whole_departement(self):
        manager = self.users["manager"]
        Notebook = self.env["cdb.notebook"].sudo(manager)
        self.assertEqual(Notebook.search_count([]), self.env["cdb.notebook"].search_count([]))

    def test_manager_with_territory_sees_it_only(self):
        manager = self.users["manager_of_territory"]
        notebooks = self.env["cdb.notebook"].sudo(manager).search([])
        self.assertTrue(notebooks)
        self.assertEqual(notebooks.mapped("territory_id"), self.territory)


class _Rollback(Exception):
    """Undo a create that was allowed (savepoint rollback)."""
