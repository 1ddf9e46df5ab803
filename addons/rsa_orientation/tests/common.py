"""Fixtures shared by the orientation tests: carnets, orientations, EP
sessions and cases, agreed employment-distance assessments, built on the
carnet de bord fixtures and independent of the random demo content."""
import base64
from datetime import date

from odoo.addons.carnet_de_bord.tests.common import CdbCase
from ..settings import NEW_REGIME_DATE

# The guide's tests run in a département still on the guide: the law would
# apply from this date only (the setting NEW_REGIME_DATE moved on).
GUIDE_UNTIL = date(2100, 1, 1)


def set_regime_date(env, day):
    """The law applies to the orientations decided from ``day`` on (the
    setting of the settings screen)."""
    env["ir.config_parameter"].sudo().set_param(
        NEW_REGIME_DATE.key, NEW_REGIME_DATE.serialize(day))


def keep_the_guide(env):
    """A département still on the guide: every decision of the tests, today
    or dated, follows the guide's rules (seed 003)."""
    set_regime_date(env, GUIDE_UNTIL)


def apply_the_law(env):
    """The law in force since its date, 1 January 2025 (the default)."""
    set_regime_date(env, NEW_REGIME_DATE.default)


class OrientationCase(CdbCase):
    """Users: ``referent`` and ``accompagnateur`` (CdbCase); ``correspondant``,
    a professional designated as the orientations' correspondant; the
    President's delegates ``delegate`` (correspondant of ``territory``) and
    ``manager`` (the whole département); two members of EP teams."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        keep_the_guide(cls.env)
        cls.correspondant = cls._user("ut.correspondant", "group_cdb_professional",
                                      cls.structure_a)
        cls.team_member = cls._user("ut.team.member", "rsa_orientation.group_rsa_orientation_team")
        cls.team_member2 = cls._user("ut.team.member2",
                                     "rsa_orientation.group_rsa_orientation_team")
        cls.manager = cls._user("ut.manager", "group_cdb_manager")
        cls.territory = cls.env["cdb.territory"].create({"name": "UT Territoire"})
        cls.delegate = cls._user("ut.delegate", "group_cdb_correspondant")
        cls.delegate.cdb_territory_ids = cls.territory
        cls.organism = cls.env["res.partner"].create({
            "name": "UT Organism", "is_company": True, "cdb_is_structure": True})
        cls._name_seq = 0

    @classmethod
    def _beneficiary(cls, lastname, firstname=None, **extra):
        """A distinct first name each time: the same person twice would be
        refused as a duplicate."""
        if firstname is None:
            cls._name_seq += 1
            firstname = "Test" + "".join(chr(ord("a") + int(d)) for d in str(cls._name_seq))
        return super()._beneficiary(lastname, firstname, **extra)

    # ------------------------------------------------------------ helpers
    @classmethod
    def _orientation(cls, notebook, orientation_type="solidarity", referent=None,
                     decide=False, **vals):
        values = {"notebook_id": notebook.id, "orientation_type": orientation_type,
                  "referent_id": (referent or notebook.referent_id).id}
        values.update(vals)
        orientation = cls.env["rsa.orientation"].create(values)
        if decide:
            orientation.action_decide()
        return orientation

    @classmethod
    def _param(cls, key, value):
        cls.env["ir.config_parameter"].sudo().set_param(key, value)

    @classmethod
    def _session(cls, members, **vals):
        values = {"date": cls.today + " 09:00:00", "territory": "UT Territoire",
                  "member_ids": [(6, 0, [m.id for m in members])]}
        values.update(vals)
        return cls.env["rsa.ep.session"].create(values)

    @classmethod
    def _agreed_assessment(cls, notebook, agree=True):
        """An employment-distance assessment of the default scale with the
        first level chosen on every item, agreed with the beneficiary."""
        scale = cls.env["rsa.ede.scale"]._get_default_scale()
        assessment = cls.env["rsa.ede.assessment"].create({
            "notebook_id": notebook.id, "scale_id": scale.id,
            "line_ids": [(0, 0, {"item_id": item.id,
                                 "level_id": item.level_ids.sorted("sequence")[0].id})
                         for item in scale.item_ids]})
        if agree:
            assessment.action_done()
        return assessment

    @classmethod
    def _case(cls, notebook, case_type="reorientation", **vals):
        values = {"notebook_id": notebook.id, "case_type": case_type}
        if case_type == "reorientation":
            values.update({"reorientation_reason": "situation_change",
                           "requested_orientation_type": "professional_ft"})
        else:
            values["suspension_reason"] = "no_contract"
        values["motive"] = "Motif UT de la demande"
        values.update(vals)
        return cls.env["rsa.ep.case"].create(values)

    @classmethod
    def _attach(cls, case, name="convocation.pdf"):
        return cls.env["ir.attachment"].create({
            "name": name, "datas_fname": name, "datas": base64.b64encode(b"convocation"),
            "res_model": "rsa.ep.case", "res_id": case.id})

    @classmethod
    def _case_with_opinion(cls, notebook, session, case_type="reorientation",
                           opinion="favourable", **vals):
        """A case submitted with what Annexe 7 requires, then examined by the
        session's team."""
        if case_type == "reorientation" and "assessment_id" not in vals:
            assessment = notebook.ede_assessment_ids.filtered(lambda a: a.state == "done")[:1]
            vals["assessment_id"] = (assessment or cls._agreed_assessment(notebook)).id
        case = cls._case(notebook, case_type, **vals)
        if case_type == "suspension":
            cls._attach(case)
        case.action_submit()
        case.write({"session_id": session.id, "opinion_motive": "Motivation UT de l'avis"})
        case.action_give_opinion(opinion)
        return case

    @staticmethod
    def _decide(case, decision="confirmed", **vals):
        """The President's decision on ``case`` (by delegation)."""
        if vals:
            case.write(vals)
        case.action_decide(decision)
        return case


class EdeCase(CdbCase):
    """A carnet and a custom scale of 3 items whose paliers count 1, 3 and 9
    points (professional below 9, solidarity above 13; no blue level: the
    thresholds decide alone), and helpers to fill an assessment up to a given
    total (with no blue level when the total allows it: an item at a blue
    level proposes the solidarity sphere whatever the total)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        keep_the_guide(cls.env)
        cls.Assessment = cls.env["rsa.ede.assessment"]
        cls.default_scale = cls.env.ref("rsa_orientation.ede_default_scale")
        cls.notebook = cls._notebook("Utede", cls.referent)
        cls.custom_scale = cls.env["rsa.ede.scale"].create({
            "name": "UT scale", "professional_below": 9, "solidarity_above": 13,
            "item_ids": [(0, 0, {
                "name": "UT item %d" % n, "sequence": n,
                "level_ids": [(0, 0, {"sequence": seq, "name": "UT level %d.%d" % (n, seq),
                                      "points": points, "color": color})
                              for seq, points, color in ((1, 1, "none"), (2, 3, "pink"),
                                                         (3, 9, "pink"))],
            }) for n in (1, 2, 3)],
        })

    def _assessment(self, scale=None, user=None, **vals):
        values = {"notebook_id": self.notebook.id}
        if scale:
            values["scale_id"] = scale.id
        values.update(vals)
        return self.Assessment.sudo(user or self.referent).create(values)

    @staticmethod
    def _level(item, sequence):
        return item.level_ids.filtered(lambda l: l.sequence == sequence)

    @classmethod
    def _levels_for_total(cls, scale, total):
        """One level per item of ``scale`` whose points add up to ``total``:
        without a blue level when possible."""
        for levels in (lambda item: item.level_ids.filtered(lambda l: l.color != "blue"),
                       lambda item: item.level_ids):
            found = cls._search_levels(scale, total, levels)
            if found is not None:
                return found
        raise AssertionError("no combination reaches %d" % total)

    @staticmethod
    def _search_levels(scale, total, levels_of):
        items = scale.item_ids.sorted("sequence")
        if not all(levels_of(item) for item in items):
            return None
        lowest = [min(levels_of(item).mapped("points")) for item in items]
        highest = [max(levels_of(item).mapped("points")) for item in items]

        def search(index, remaining):
            if index == len(items):
                return [] if remaining == 0 else None
            for level in levels_of(items[index]).sorted("points"):
                rest_min, rest_max = sum(lowest[index + 1:]), sum(highest[index + 1:])
                if rest_min <= remaining - level.points <= rest_max:
                    rest = search(index + 1, remaining - level.points)
                    if rest is not None:
                        return [level] + rest
            return None

        return search(0, total)

    def _fill(self, assessment, levels):
        by_item = {level.item_id: level for level in levels}
        assessment.write({"line_ids": [
            (1, line.id, {"level_id": by_item[line.item_id].id})
            for line in assessment.line_ids if line.item_id in by_item]})
        return assessment

    def _filled(self, scale, total, **vals):
        assessment = self._assessment(scale, **vals)
        return self._fill(assessment, self._levels_for_total(scale, total))
