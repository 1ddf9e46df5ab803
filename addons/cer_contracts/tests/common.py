"""What the tests of cer_contracts share: two territories and their
correspondants, a manager, carnets with a decided orientation, and helpers
that take a contract or a fiche de liaison through its workflow as the users
who do it (the référent writes and signs, the correspondant of the territory
answers and decides)."""
import base64
from unittest.mock import patch

from odoo import fields

from odoo.addons.carnet_de_bord.tests.common import CdbCase
from odoo.addons.rsa_orientation.tests.common import keep_the_guide

# An action of the plan that fits each type of contract (Annexe 6: "Les
# actions concernent : Sphère solidarité / Sphère professionnelle").
PLAN_CODE = {"cer_solidarity": "A.1.1", "cer_professional": "G.2.3", "ppae": "G.2.3"}


class CerCase(CdbCase):
    """Territories, correspondants, a manager and an organism."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the guide's contracts (CER, PPAE): a département still on the guide
        keep_the_guide(cls.env)
        Territory = cls.env["cdb.territory"]
        cls.territory = Territory.create({"name": "UT CER Territoire Audomarois"})
        cls.other_territory = Territory.create({"name": "UT CER Territoire Boulonnais"})
        # The correspondant designated by the orientations (he becomes a member
        # of the carnets), another correspondant of the same territory (no
        # member), and one of another territory.
        cls.correspondant = cls._user("cer.correspondant", "group_cdb_correspondant")
        cls.correspondant.cdb_territory_ids = cls.territory
        cls.territory_correspondant = cls._user("cer.correspondant.territory",
                                                "group_cdb_correspondant")
        cls.territory_correspondant.cdb_territory_ids = cls.territory
        cls.foreign_correspondant = cls._user("cer.correspondant.other",
                                              "group_cdb_correspondant")
        cls.foreign_correspondant.cdb_territory_ids = cls.other_territory
        cls.manager = cls._user("cer.manager", "group_cdb_manager")
        cls.organism = cls.env["res.partner"].create({
            "name": "UT CER Organisme", "is_company": True, "cdb_is_structure": True})
        cls._lastname_seq = 0

    def assertRefusedWith(self, exception, func):
        """``func`` is refused with ``exception`` (its type, not its
        wording), and nothing it did remains."""
        with self.assertRaises(exception) as caught:
            with self.cr.savepoint():
                func()
        self.env["cer.contract"].invalidate_cache()
        return caught.exception

    def _at(self, date):
        """Run the code as if today were ``date``."""
        return patch.object(fields.Date, "context_today", lambda *args, **kw: date)

    def _param(self, key, value):
        self.env["ir.config_parameter"].sudo().set_param(key, value)

    @classmethod
    def _scale(cls, notebook, date=None):
        """An employment-distance scale agreed with the beneficiary (guide:
        "Au préalable, à l'élaboration du contrat, l'échelle de distance à
        l'emploi est à réaliser avec le bénéficiaire"), dated the day of the
        carnet's orientation decision unless ``date``."""
        assessment = cls.env["rsa.ede.assessment"].create({
            "notebook_id": notebook.id,
            "date": date or notebook.orientation_id.date_decision or cls.today})
        for line in assessment.line_ids:
            line.level_id = line.item_id.level_ids.sorted("sequence")[:1]
        assessment.action_done()
        return assessment


class ContractCase(CerCase):
    """Carnets with a decided orientation, and contracts taken through their
    workflow."""

    # ------------------------------------------------------------ carnets
    @classmethod
    def _oriented_notebook(cls, orientation_type="solidarity", date_decision=None,
                           decide=True, scale=True, **vals):
        """A carnet of the territory, followed by ``cls.referent``, with an
        orientation (decided unless ``decide`` is False) and the scale agreed
        with the beneficiary after it (unless ``scale`` is False)."""
        cls._lastname_seq += 1
        vals.setdefault("territory_id", cls.territory.id)
        notebook = cls._notebook("Contrat%s" % "".join(
            chr(ord("a") + int(d)) for d in str(cls._lastname_seq)),
            referent=cls.referent, **vals)
        orientation = cls.env["rsa.orientation"].create(cls._orientation_values(
            notebook, orientation_type, date_decision or cls.today))
        if decide:
            orientation.action_decide()
            if scale:
                cls._scale(notebook)
        return notebook

    @classmethod
    def _orientation_values(cls, notebook, orientation_type, date_decision):
        """The values of the carnet's orientation (the guide's)."""
        values = {"notebook_id": notebook.id, "orientation_type": orientation_type,
                  "referent_id": cls.referent.id,
                  "correspondant_id": cls.correspondant.id,
                  "date_decision": date_decision}
        if orientation_type == "professional_other":
            values["organism_id"] = cls.organism.id
        return values

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

    def _pap_line(self, contract, code=None, **vals):
        code = code or PLAN_CODE[contract.contract_type]
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

    def _amendment(self, contract, code="G.2.3", cancel=None, **vals):
        """A draft amendment of ``contract`` prepared by the référent: one new
        action, and the actions ``cancel`` cancelled."""
        values = {"contract_id": contract.id, "reason": "Nouvelle piste d'emploi.",
                  "referent_signed_date": self.today}
        values.update(vals)
        amendment = self.env["cer.amendment"].sudo(self.referent).create(values)
        new_line = self.env["cer.amendment.line"].sudo(self.referent).create({
            "amendment_id": amendment.id, "action_code_id": self._code(code).id,
            "date_start": self.today, "date_deadline": self._shift(self.today, months=2)})
        if cancel:
            amendment.sudo(self.referent).cancelled_action_ids = cancel
        return amendment, new_line


class LiaisonCase(ContractCase):
    """A carnet of the territory with a decided solidarity orientation (the
    correspondant designated) and a contract in force, for fiches de
    liaison."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook = cls._notebook("Liaison", referent=cls.referent,
                                     territory_id=cls.territory.id)
        cls.orientation = cls.env["rsa.orientation"].create({
            "notebook_id": cls.notebook.id,
            "orientation_type": "solidarity",
            "referent_id": cls.referent.id,
            "correspondant_id": cls.correspondant.id,
            "organism_id": cls.structure_a.id,
            "date_decision": cls.today,
        })
        cls.orientation.action_decide()
        cls._scale(cls.notebook)
        cls.contract = cls._running_contract(cls.notebook)

    @classmethod
    def _running_contract(cls, notebook, contract_type=None, **vals):
        """A signed, validated contract in force, with one PAP line."""
        values = {"notebook_id": notebook.id, "date_start": cls.today,
                  "referent_id": notebook.referent_id.id,
                  "objectives": "Retrouver un logement stable.",
                  "reciprocity_answer": "declined"}
        if contract_type:
            values["contract_type"] = contract_type
        values.update(vals)
        contract = cls.env["cer.contract"].create(values)
        if not notebook.ede_assessment_ids.filtered(lambda a: a._is_agreed()):
            cls._scale(notebook)
        cls.env["cer.pap.line"].create({
            "contract_id": contract.id,
            "action_code_id": cls._code(PLAN_CODE[contract.contract_type]).id,
            "date_start": cls.today,
            "date_deadline": cls._shift(cls.today, months=3),
            "beneficiary_engagement": "Constituer le dossier FSL avec les justificatifs.",
            "referent_engagement": "Transmettre le dossier à la commission FSL.",
        })
        contract.write({"beneficiary_signed_date": cls.today,
                        "referent_signed_date": cls.today})
        contract.action_sign()
        contract.action_submit()
        contract.action_validate()
        return contract

    def _liaison(self, situations, user=None, **vals):
        """A draft fiche ticking the request(s) ``situations`` ("support",
        or several: ("amendment", "actions"))."""
        if isinstance(situations, str):
            situations = (situations,)
        values = {"notebook_id": self.notebook.id}
        values.update({"request_" + situation: True for situation in situations})
        values.update(vals)
        return self.env["cer.liaison"].sudo(user or self.referent).create(values)

    def _attachment(self, liaison, name="convocation.pdf", user=None):
        return self.env["ir.attachment"].sudo(user or self.referent).create({
            "name": name, "datas_fname": name,
            "datas": base64.b64encode(b"%PDF-1.4 letter"),
            "res_model": "cer.liaison", "res_id": liaison.id,
        })

    def _agreed_assessment(self, agreed=True):
        assessment = self.env["rsa.ede.assessment"].create({"notebook_id": self.notebook.id})
        for line in assessment.line_ids:
            line.level_id = line.item_id.level_ids[:1]
        if agreed:
            assessment.action_done()
        return assessment

    def _sent(self, situations, **vals):
        """A fiche sent by the référent."""
        vals.setdefault("referent_signed_date", self.today)
        liaison = self._liaison(situations, **vals)
        liaison.sudo(self.referent).action_send()
        return liaison

    def _activities(self, liaison, user):
        return self.env["mail.activity"].search([
            ("res_model", "=", "cer.liaison"), ("res_id", "=", liaison.id),
            ("user_id", "=", user.id)])

    def _messages_to(self, liaison, user):
        return liaison.message_ids.filtered(lambda m: user.partner_id in m.partner_ids)

    def _notebook_messages(self, liaison):
        return self.notebook.message_ids.filtered(lambda m: liaison.name in (m.body or ""))

    def assertReferentAnswered(self, liaison, activities=1):
        """The référent gets the answer: a message addressed to him on the
        fiche, and a to-do."""
        self.assertTrue(self._messages_to(liaison, self.referent),
                        "the answer must be addressed to the référent")
        self.assertEqual(len(self._activities(liaison, self.referent)), activities)
