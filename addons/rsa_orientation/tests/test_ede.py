"""The employment-distance scale (EDE, seed 003 Annexe 3): the proposal of
orientation from the total, the colours, the grid filled item by item and
locked once agreed, the evolution chart and who may read the assessments."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import EdeCase


class TestProposedOrientation(EdeCase):
    """Seed 003: below 18 points France Travail, above 35 solidarity, between
    them the EP decides; decision: exactly 18 and exactly 35 go to the team."""

    def test_default_scale_is_the_default(self):
        self.assertEqual(self.env["rsa.ede.scale"]._get_default_scale(), self.default_scale)
        self.assertEqual(self._assessment().scale_id, self.default_scale)
        self.assertEqual(len(self.default_scale.item_ids), 8)
        for item in self.default_scale.item_ids:
            self.assertEqual(item.level_ids.mapped("points"), [1, 2, 3, 5, 10, 20])
            self.assertEqual(item.level_ids.mapped("color"),
                             ["none", "green", "green", "pink", "blue", "blue"])

    def test_thresholds_of_the_default_scale(self):
        expected = {17: "professional", 18: "team", 19: "team",
                    34: "team", 35: "team", 36: "solidarity"}
        for total, orientation in expected.items():
            assessment = self._filled(self.default_scale, total)
            self.assertEqual(assessment.total_points, total)
            self.assertEqual(assessment.proposed_orientation, orientation,
                             "total %d" % total)

    def test_thresholds_of_a_custom_scale(self):
        expected = {7: "professional", 9: "team", 11: "team", 13: "team", 15: "solidarity"}
        for total, orientation in expected.items():
            assessment = self._filled(self.custom_scale, total)
            self.assertEqual(assessment.total_points, total)
            self.assertEqual(assessment.proposed_orientation, orientation,
                             "total %d" % total)
        self.assertEqual(self.custom_scale._propose_orientation(8), "professional")
        self.assertEqual(self.custom_scale._propose_orientation(14), "solidarity")

    def test_no_proposal_until_every_item_has_a_level(self):
        assessment = self._assessment()
        self.assertFalse(assessment.proposed_orientation)
        levels = self._levels_for_total(self.default_scale, 8)
        self._fill(assessment, levels[:-1])
        self.assertEqual(assessment.total_points, 7)
        self.assertFalse(assessment.proposed_orientation)
        self._fill(assessment, levels[-1:])
        self.assertEqual(assessment.proposed_orientation, "professional")

    def test_colour_counts(self):
        items = self.default_scale.item_ids.sorted("sequence")
        sequences = [1, 2, 3, 4, 5, 6, 2, 4]
        assessment = self._fill(self._assessment(), [
            self._level(item, seq) for item, seq in zip(items, sequences)])
        self.assertEqual((assessment.green_count, assessment.pink_count, assessment.blue_count),
                         (3, 2, 2))
        self.assertEqual(assessment.total_points, 1 + 2 + 3 + 5 + 10 + 20 + 2 + 5)

    def test_a_blue_level_prioritises_the_solidarity_sphere(self):
        """Seed 003, "La deuxième analyse": "La couleur bleue signale des
        points importants qui sont des réels freins à l'emploi et
        l'orientation vers la sphère solidarité est à prioriser": whatever
        the total (17 points would propose France Travail; before, it did)."""
        items = self.default_scale.item_ids.sorted("sequence")
        assessment = self._fill(self._assessment(), [
            self._level(item, 5 if index == 1 else 1) for index, item in enumerate(items)])
        self.assertEqual(assessment.total_points, 17)
        self.assertEqual(assessment.blue_count, 1)
        self.assertEqual(assessment.proposed_orientation, "solidarity")
        self.assertEqual(assessment.priority_item_ids, items[1])
        self.assertIn(items[1].name, assessment.proposal_reason)
        # without the blue level, the total decides
        self._fill(assessment, [self._level(items[1], 4)])
        self.assertEqual(assessment.proposed_orientation, "professional")
        self.assertFalse(assessment.priority_item_ids)
        self.assertIn("12", assessment.proposal_reason)

    def test_the_orientation_shows_why(self):
        items = self.default_scale.item_ids.sorted("sequence")
        assessment = self._fill(self._assessment(), [
            self._level(item, 6 if index in (0, 3) else 2) for index, item in enumerate(items)])
        assessment.action_done()
        self.assertEqual(assessment.proposed_orientation, "solidarity")
        orientation = self.env["rsa.orientation"].new({
            "notebook_id": self.notebook.id, "assessment_id": assessment.id})
        orientation._onchange_assessment_id()
        self.assertEqual(orientation.orientation_type, "solidarity")
        self.assertEqual(orientation.assessment_proposal, "solidarity")
        for item in (items[0], items[3]):
            self.assertIn(item.name, orientation.assessment_proposal_reason)
        form = self.env["rsa.orientation"].fields_view_get(view_type="form")["arch"]
        self.assertIn('name="assessment_proposal_reason"', form)

    def test_single_default_scale(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["rsa.ede.scale"].create({"name": "UT second default", "is_default": True})

    def test_thresholds_in_order(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.custom_scale.write({"professional_below": 30, "solidarity_above": 20})


class TestGrid(EdeCase):

    def test_one_line_per_item_created(self):
        assessment = self._assessment()
        self.assertEqual(assessment.line_ids.mapped("item_id"), self.default_scale.item_ids)
        self.assertEqual(len(assessment.line_ids), 8)
        self.assertFalse(assessment.line_ids.mapped("level_id"))
        custom = self._assessment(self.custom_scale)
        self.assertEqual(custom.line_ids.mapped("item_id"), self.custom_scale.item_ids)

    def test_lines_follow_a_change_of_scale(self):
        assessment = self._assessment()
        assessment.write({"scale_id": self.custom_scale.id})
        self.assertEqual(assessment.line_ids.mapped("item_id"), self.custom_scale.item_ids)

    def test_drafts_follow_the_items_of_their_scale(self):
        assessment = self._filled(self.custom_scale, 11)
        self.assertEqual(assessment.proposed_orientation, "team")
        item = self.env["rsa.ede.item"].create({
            "scale_id": self.custom_scale.id, "name": "UT new item", "sequence": 9,
            "level_ids": [(0, 0, {"sequence": 1, "name": "UT new level", "points": 2})]})
        assessment.invalidate_cache()
        self.assertIn(item, assessment.line_ids.mapped("item_id"))
        self.assertFalse(assessment.proposed_orientation)
        item.unlink()
        assessment.invalidate_cache()
        self.assertEqual(len(assessment.line_ids), 3)
        self.assertEqual(assessment.proposed_orientation, "team")

    def test_level_of_another_item_refused(self):
        assessment = self._assessment()
        lines = assessment.line_ids.sorted("sequence")
        wrong = self._level(lines[1].item_id, 2)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            lines[0].write({"level_id": wrong.id})

    def test_incomplete_assessment_cannot_be_agreed(self):
        assessment = self._assessment()
        levels = self._levels_for_total(self.default_scale, 20)
        self._fill(assessment, levels[:-1])
        before = [(line.id, line.level_id.id) for line in assessment.line_ids]
        with self.assertRaises(UserError) as caught:
            assessment.action_done()
        self.assertIn(levels[-1].item_id.name, caught.exception.name)
        assessment.invalidate_cache()
        self.assertEqual(assessment.state, "draft")
        self.assertEqual([(line.id, line.level_id.id) for line in assessment.line_ids], before)

    def test_agreed_assessment_is_locked(self):
        assessment = self._filled(self.default_scale, 30)
        assessment.action_done()
        self.assertEqual(assessment.state, "done")
        line = assessment.line_ids[0]
        other_level = self._level(line.item_id, 6)
        for attempt in (
                lambda: assessment.write({"comment": "changed"}),
                lambda: assessment.write({"date": "2000-01-01"}),
                lambda: assessment.write({"state": "draft"}),
                lambda: line.write({"level_id": other_level.id}),
                lambda: line.unlink(),
                lambda: assessment.sudo(self.referent).unlink(),
                lambda: self.env["rsa.ede.assessment.line"].create({
                    "assessment_id": assessment.id, "item_id": line.item_id.id})):
            with self.assertRaises(UserError), self.cr.savepoint():
                attempt()
        assessment.invalidate_cache()
        self.assertEqual(assessment.total_points, 30)
        self.assertEqual(assessment.state, "done")
        self.assertFalse(assessment.comment)
        self.assertEqual(len(assessment.line_ids), 8)
        # The chatter stays open.
        note = "Note after the agreement"
        assessment.message_post(body=note)

    def test_scoring_of_a_used_scale_is_locked(self):
        assessment = self._filled(self.custom_scale, 11)
        assessment.action_done()
        level = assessment.line_ids[0].level_id
        with self.assertRaises(UserError), self.cr.savepoint():
            level.sudo().write({"points": 15})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.custom_scale.write({"solidarity_above": 40})
        with self.assertRaises(UserError), self.cr.savepoint():
            self.env["rsa.ede.item"].create({"scale_id": self.custom_scale.id, "name": "UT new"})
        assessment.invalidate_cache()
        self.assertEqual(assessment.total_points, 11)
        self.assertEqual(assessment.proposed_orientation, "team")
        # A copy is a free new version.
        copy = self.custom_scale.copy()
        self.assertEqual(len(copy.item_ids.mapped("level_ids")), 9)
        copy.write({"solidarity_above": 40})

    def test_new_assessment_from_an_agreed_one(self):
        assessment = self._filled(self.default_scale, 25)
        assessment.action_done()
        action = assessment.sudo(self.referent).action_new_from_this()
        new = self.Assessment.browse(action["res_id"])
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.total_points, 25)
        self.assertEqual(len(new.line_ids), 8)
        new.write({"line_ids": [(1, new.line_ids[0].id, {
            "level_id": self._level(new.line_ids[0].item_id, 6).id})]})
        self.assertEqual(assessment.total_points, 25)


class TestScaleHistory(EdeCase):
    """What an agreed assessment shows (its items in their order, the
    wording and number of each level, its points and colour) never changes:
    on a used scale such a change is refused, with the way out (a new
    version); on a scale nobody used yet it is free."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.used_scale = cls.custom_scale.copy({"name": "UT used scale"})
        cls.free_scale = cls.custom_scale.copy({"name": "UT free scale"})

    def _agree(self, scale):
        assessment = self._filled(scale, 11)
        assessment.action_done()
        return assessment

    def _shown(self, assessment):
        """What the agreed assessment shows, item by item."""
        assessment.invalidate_cache()
        return [(line.item_id.name, line.sequence, line.level_id.name,
                 line.level_id.sequence, line.points, line.color)
                for line in assessment.line_ids.sorted(lambda l: (l.sequence, l.id))]

    def _changes(self, scale):
        items = scale.item_ids.sorted("sequence")
        level = items[0].level_ids.sorted("sequence")[0]
        return {
            "rename a level": lambda: level.write({"name": "UT renamed"}),
            "renumber a level": lambda: level.write({"sequence": 4}),
            "rename an item": lambda: items[0].write({"name": "UT renamed item"}),
            "reorder the items": lambda: items[0].write({"sequence": 99}),
            "delete an item": lambda: items[-1].unlink(),
            "delete a level": lambda: items[0].level_ids.sorted("sequence")[-1].unlink(),
            "add a level": lambda: self.env["rsa.ede.level"].create({
                "item_id": items[0].id, "sequence": 5, "name": "UT new", "points": 4}),
        }

    def test_used_scale_refuses_what_rewrites_history(self):
        assessment = self._agree(self.used_scale)
        shown = self._shown(assessment)
        for name, change in self._changes(self.used_scale).items():
            with self.subTest(change=name):
                with self.assertRaises(UserError), self.cr.savepoint():
                    change()
                self.assertEqual(self._shown(assessment), shown)

    def test_unused_scale_changes_freely(self):
        self._filled(self.free_scale, 11)  # a draft does not freeze the scale
        for name, change in self._changes(self.free_scale).items():
            with self.subTest(change=name), self.cr.savepoint():
                change()

    def test_the_same_value_is_no_change(self):
        self._agree(self.used_scale)
        item = self.used_scale.item_ids[:1]
        item.write({"name": item.name, "sequence": item.sequence,
                    "description": "Une aide pour remplir la grille."})

    def test_new_version_is_free(self):
        assessment = self._agree(self.used_scale)
        shown = self._shown(assessment)
        action = self.used_scale.action_new_version()
        version = self.env["rsa.ede.scale"].browse(action["res_id"])
        self.assertNotEqual(version, self.used_scale)
        self.assertEqual(len(version.item_ids.mapped("level_ids")), 9)
        for change in self._changes(version).values():
            change()
        self.assertEqual(self._shown(assessment), shown)

    def test_deleting_a_used_scale_is_refused_clearly(self):
        """A clear message instead of PostgreSQL's integrity error."""
        self._assessment(self.used_scale)
        with self.assertRaises(UserError), self.cr.savepoint():
            self.used_scale.unlink()
        self.assertTrue(self.used_scale.exists())
        self.free_scale.unlink()
        self.assertFalse(self.free_scale.exists())


class TestFrenchMessages(EdeCase):
    """The users read French: a refusal of this module comes translated."""

    def _refusal(self, func, lang):
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            func(lang)
        return caught.exception.name

    def test_refusals_are_translated(self):
        self._assessment(self.custom_scale)
        agreed = self._filled(self.custom_scale, 11)
        agreed.action_done()
        attempts = (
            lambda lang: self.custom_scale.with_context(lang=lang).unlink(),
            lambda lang: self.custom_scale.item_ids[:1].with_context(lang=lang).write(
                {"sequence": 50}),
            lambda lang: agreed.with_context(lang=lang).write({"comment": "Changé"}),
        )
        for attempt in attempts:
            english, french = self._refusal(attempt, "en_US"), self._refusal(attempt, "fr_FR")
            self.assertTrue(english and french)
            self.assertNotEqual(english, french)


class TestChart(EdeCase):

    def test_one_point_per_agreed_assessment(self):
        dates = ["2026-01-15", "2026-04-10", "2026-09-01"]
        assessments = self.Assessment
        for date, total in zip(dates, (60, 35, 17)):
            assessment = self._filled(self.default_scale, total, date=date)
            assessment.action_done()
            assessments |= assessment
        draft = self._filled(self.default_scale, 50, date="2026-10-01")
        svg = (assessments | draft)._chart_html()
        self.assertTrue(svg.startswith("<svg"))
        self.assertEqual(svg.count('class="ede-total-point"'), 3)
        self.assertEqual(svg.count('class="ede-item-line"'), 8)
        for label in ("15/01/2026", "10/04/2026", "01/09/2026"):
            self.assertIn(label, svg)
        self.assertNotIn("01/10/2026", svg)
        self.assertIn("Logement", svg)

    def test_the_printed_assessment_draws_the_path_so_far(self):
        first = self._filled(self.default_scale, 40, date="2026-01-15")
        first.action_done()
        second = self._filled(self.default_scale, 20, date="2026-06-15")
        second.action_done()
        report = self.env.ref("rsa_orientation.action_report_rsa_ede_assessment")
        for assessment, points in ((first, 1), (second, 2)):
            html = report.render_qweb_html(assessment.ids)[0].decode("utf-8")
            self.assertIn("o_rsa_ede_chart", html)
            self.assertEqual(html.count('class="ede-total-point"'), points)

    def test_no_agreed_assessment(self):
        draft = self._filled(self.default_scale, 50)
        message = draft._chart_html()
        self.assertNotIn("<svg", message)
        self.assertTrue(message)
        self.assertNotIn("<svg", self.Assessment._chart_html())


class TestAccess(EdeCase):

    def test_member_reads_outsider_does_not(self):
        assessment = self._filled(self.default_scale, 30)
        assessment.action_done()
        as_member = self.Assessment.sudo(self.referent).browse(assessment.id)
        self.assertEqual(as_member.read(["total_points"])[0]["total_points"], 30)
        self.assertEqual(len(as_member.line_ids), 8)

        outsider = self.Assessment.sudo(self.outsider)
        with self.assertRaises(AccessError):
            outsider.browse(assessment.id).read(["total_points"])
        self.assertFalse(outsider.search([("id", "=", assessment.id)]))
        with self.assertRaises(AccessError):
            self.env["rsa.ede.assessment.line"].sudo(self.outsider).browse(
                assessment.line_ids[0].id).read(["points"])
        self.assertNotIn("<svg", outsider.search(
            [("notebook_id", "=", self.notebook.id)])._chart_html())

        # Once a member of the carnet, the accompagnateur reads it.
        self._member(self.notebook, self.outsider)
        self.Assessment.invalidate_cache()
        self.assertEqual(outsider.browse(assessment.id).total_points, 30)

    def test_outsider_cannot_create_on_a_carnet(self):
        self.assertRefused(
            AccessError, "rsa.ede.assessment", [("notebook_id", "=", self.notebook.id)],
            lambda: self._assessment(user=self.outsider))
