"""The manager dashboard against the hand-built département of
common_exports: each number, and the records its button opens."""
from odoo.exceptions import AccessError

from .common_exports import DepartementCase


class TestDashboard(DepartementCase):

    def _dashboard(self, user=None, territory=None):
        Dashboard = self.env["cdb.dashboard"].sudo(user or self.manager)
        return Dashboard.create({"territory_id": territory.id if territory else False})

    def _opened(self, dashboard, method):
        """The records the button ``method`` opens, as its user sees them."""
        action = getattr(dashboard, method)()
        self.assertIn((False, "pivot"), action["views"])
        self.assertIn((False, "graph"), action["views"])
        return self.env[action["res_model"]].sudo(dashboard.env.user).search(action["domain"])

    def test_contract_share(self):
        """Territory A: 5 carnets in progress (the new and the closed ones are
        not accompanied), 2 with a contract in force (the draft and the
        ended ones are not in force)."""
        dashboard = self._dashboard(territory=self.territory_a)
        self.assertEqual(dashboard.accompanied_count, 5)
        self.assertEqual(dashboard.with_contract_count, 2)
        self.assertEqual(dashboard.without_contract_count, 3)
        self.assertAlmostEqual(dashboard.contract_rate, 40.0)
        self.assertEqual(self._opened(dashboard, "action_open_with_contract"),
                         self.nb_running | self.nb_expiring)
        self.assertEqual(self._opened(dashboard, "action_open_without_contract"),
                         self.nb_draft | self.nb_ended | self.nb_review)

    def test_median_delay_against_deadline(self):
        """Solidarity: 20 and 30 days → median 25; professional: 40 days, after
        the 1-month deadline; the draft contract is not signed."""
        dashboard = self._dashboard(territory=self.territory_a)
        self.assertAlmostEqual(dashboard.median_delay_solidarity, 25.0)
        self.assertEqual(dashboard.signed_solidarity_count, 2)
        self.assertAlmostEqual(dashboard.median_delay_professional, 40.0)
        self.assertEqual(dashboard.signed_professional_count, 1)
        self.assertEqual(dashboard.deadline_professional_months, 1)
        self.assertEqual(dashboard.deadline_solidarity_months, 2)
        self.assertEqual(self._opened(dashboard, "action_open_signed").mapped("notebook_id"),
                         self.nb_running | self.nb_expiring | self.nb_ended)
        self.assertEqual(dashboard.signed_late_count, 1)
        self.assertEqual(self._opened(dashboard, "action_open_signed_late").mapped("notebook_id"),
                         self.nb_expiring)

    def test_orientation_signature(self):
        """The first signature of a contract of each orientation, and whether
        it came after the deadline, as the orientations list shows them."""
        late = self.nb_expiring.orientation_ids
        self.assertEqual((late.contract_signed_date, late.contract_signed_late),
                         (self._day(-20), True))
        in_time = self.nb_running.orientation_ids
        self.assertEqual((in_time.contract_signed_date, in_time.contract_signed_late),
                         (self._day(-80), False))
        unsigned = self.nb_draft.orientation_ids
        self.assertEqual((unsigned.contract_signed_date, unsigned.contract_signed_late),
                         (False, False))

    def test_deadline_parameter_is_used(self):
        """The deadline comes from rsa_orientation's parameter: with 2 months
        for the professional sphere, the PPAE signed after 40 days is in time."""
        self.env["ir.config_parameter"].sudo().set_param(
            "rsa_orientation.contract_deadline_professional_months", "2")
        self.nb_expiring.orientation_ids._compute_contract_deadline()
        dashboard = self._dashboard(territory=self.territory_a)
        self.assertEqual(dashboard.deadline_professional_months, 2)
        self.assertEqual(dashboard.signed_late_count, 0)

    def test_expiring_without_referent_reviews(self):
        dashboard = self._dashboard(territory=self.territory_a)
        self.assertEqual(dashboard.expiry_days, 30)
        self.assertEqual(dashboard.expiring_count, 1)
        self.assertEqual(self._opened(dashboard, "action_open_expiring").mapped("notebook_id"),
                         self.nb_expiring)
        self.assertEqual(dashboard.without_referent_count, 1)
        self.assertEqual(self._opened(dashboard, "action_open_without_referent"), self.nb_new)
        self.assertEqual(dashboard.review_overdue_count, 1)
        self.assertEqual(self._opened(dashboard, "action_open_review_overdue"), self.nb_review)

    def test_closed_carnets_counted_by_reason(self):
        """The end of the path is counted: the closed carnet, grouped by its
        reason."""
        dashboard = self._dashboard(territory=self.territory_a)
        self.assertEqual(dashboard.closed_count, 1)
        action = dashboard.action_open_closed()
        self.assertEqual(action["context"], {"group_by": "end_reason_id"})
        self.assertEqual(self._opened(dashboard, "action_open_closed"), self.nb_closed)
        groups = self.env["cdb.notebook"].sudo(self.manager).read_group(
            action["domain"], ["end_reason_id"], ["end_reason_id"])
        self.assertEqual([(g["end_reason_id"][1], g["end_reason_id_count"]) for g in groups],
                         [("Reprise d'emploi", 1)])

    def test_other_territory(self):
        dashboard = self._dashboard(territory=self.territory_b)
        self.assertEqual((dashboard.accompanied_count, dashboard.with_contract_count), (1, 1))
        self.assertAlmostEqual(dashboard.contract_rate, 100.0)
        self.assertAlmostEqual(dashboard.median_delay_professional, 10.0)
        self.assertEqual(dashboard.signed_solidarity_count, 0)
        self.assertEqual(dashboard.expiring_count, 0)

    def test_only_what_the_user_may_read(self):
        """Without a territory, a professional's numbers cover only the carnets
        they follow (the record rules), never the whole département."""
        dashboard = self._dashboard(user=self.referent2)
        self.assertEqual(dashboard.accompanied_count, 1)
        self.assertEqual(dashboard.with_contract_count, 1)
        self.assertAlmostEqual(dashboard.median_delay_professional, 10.0)
        self.assertEqual(dashboard.signed_professional_count, 1)
        self.assertEqual(self._opened(dashboard, "action_open_with_contract"), self.nb_other)
        manager = self._dashboard()
        self.assertGreaterEqual(manager.accompanied_count, 6)


class TestReadableDashboard(DepartementCase):
    """Issue 14, "The manager's dashboard": each figure is a sentence, and
    the key figures month by month open as a graph."""

    def test_figures_are_sentences(self):
        dashboard = self.env["cdb.dashboard"].sudo(self.manager).create(
            {"territory_id": self.territory_a.id})
        self.assertEqual(dashboard.contract_sentence,
                         "2 accompanied beneficiaries out of 5 have a contract in force.")
        self.assertIn("25.0 days (median)", dashboard.median_solidarity_sentence)
        self.assertIn("over 2 contracts", dashboard.median_solidarity_sentence)
        self.assertIn("legal deadline: 2 month(s)", dashboard.median_solidarity_sentence)

    def test_monthly_figures(self):
        """Every carnet opened, orientation decided, contract signed and
        review done is counted in its month; a manager of territory B counts
        only the carnets of his territory."""
        Figure = self.env["cdb.monthly.figure"].sudo(self.manager)
        rows = Figure.search([("notebook_id", "=", self.nb_running.id)])
        self.assertIn("opened", rows.mapped("figure"))
        self.assertIn("signed", rows.mapped("figure"))
        signed = rows.filtered(lambda r: r.figure == "signed")
        self.assertEqual(signed.month[:7], self.nb_running.contract_ids.filtered(
            "signed_date")[:1].signed_date[:7])
        groups = Figure.read_group(
            [("figure", "=", "opened"), ("territory_id", "=", self.territory_a.id)],
            ["month", "number"], ["month:month"])
        self.assertEqual(sum(g["number"] for g in groups), len(self.territory_a_notebooks))
        self.manager.cdb_territory_ids = self.territory_b
        self.env["ir.rule"].clear_caches()
        Figure.invalidate_cache()
        self.assertEqual(set(Figure.search([]).mapped("territory_id")), {self.territory_b})

    def test_trends_open_from_the_dashboard(self):
        dashboard = self.env["cdb.dashboard"].sudo(self.manager).create(
            {"territory_id": self.territory_b.id})
        action = dashboard.action_open_trends()
        self.assertEqual(action["res_model"], "cdb.monthly.figure")
        self.assertTrue(action["view_mode"].startswith("graph"))
        self.assertEqual(action["domain"], [("territory_id", "=", self.territory_b.id)])

    def test_professionals_do_not_read_them(self):
        with self.assertRaises(AccessError):
            self.env["cdb.monthly.figure"].sudo(self.referent2).search([])
