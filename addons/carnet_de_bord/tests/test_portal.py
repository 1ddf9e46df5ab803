"""The beneficiary's portal (seed 002: "chaque usager va pouvoir être
acteur de son parcours grâce à sa propre interface Carnet de bord"): a
beneficiary reads their own carnet only, and the département opens portal
accounts in bulk with Odoo's portal wizard (readme/PORTAL.rst)."""
import io
import json
import re
import zipfile

import odoo
from odoo.exceptions import AccessError
from odoo.tests.common import HttpCase, at_install, post_install

from .common import CdbCase
from .portal_common import ServerTransactionMixin


class TestPortalAccounts(CdbCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notebook_a = cls._notebook("Utportaila", cls.referent)
        cls.notebook_b = cls._notebook("Utportailb", cls.referent)
        for notebook, email in ((cls.notebook_a, "ut.a@example.org"),
                                (cls.notebook_b, "ut.b@example.org")):
            notebook.beneficiary_id.email = email
            cls.env["cdb.health"].create({"notebook_id": notebook.id,
                                          "description": "Santé %s" % email})
            cls.env["cdb.situation"].create({"notebook_id": notebook.id,
                                             "housing": "Logement %s" % email})

    def _grant_portal(self, partners):
        """What a département agent does: select beneficiaries in the list,
        Action > Grant portal access, tick "In portal", Apply."""
        wizard = self.env["portal.wizard"].with_context(
            active_ids=partners.ids, active_model="res.partner").create({})
        wizard.onchange_portal_id()
        wizard.user_ids.write({"in_portal": True})
        wizard.action_apply()
        return partners.mapped("user_ids")

    def test_wizard_creates_portal_users_reading_their_own_carnet(self):
        beneficiaries = self.notebook_a.beneficiary_id | self.notebook_b.beneficiary_id
        users = self._grant_portal(beneficiaries)
        self.assertEqual(len(users), 2)
        portal = self.env.ref("base.group_portal")
        for user, own, other in ((users[0], self.notebook_a, self.notebook_b),
                                 (users[1], self.notebook_b, self.notebook_a)):
            if user.partner_id != own.beneficiary_id:
                own, other = other, own
            self.assertIn(portal, user.groups_id)
            self.assertFalse(user.has_group("base.group_user"))
            Notebook = self.env["cdb.notebook"].sudo(user)
            self.assertEqual(Notebook.search([]), own)
            self.assertEqual(self.env["cdb.health"].sudo(user).search([]).notebook_id, own)
            self.assertEqual(self.env["cdb.situation"].sudo(user).search([]).notebook_id, own)
            with self.assertRaises(AccessError):
                Notebook.browse(other.id).read(["beneficiary_id"])
            with self.assertRaises(AccessError):
                self.env["cdb.health"].sudo(user).browse(other.health_id.id).read(["description"])

    def test_password_reset_by_email(self):
        user = self._grant_portal(self.notebook_a.beneficiary_id)
        user.partner_id.signup_type = False
        user.action_reset_password()
        self.assertEqual(user.partner_id.signup_type, "reset")
        self.assertTrue(user.partner_id.signup_valid)
        self.assertEqual(self.env["ir.config_parameter"].get_param(
            "auth_signup.reset_password"), "True")

    def test_portal_user_writes_nothing_directly(self):
        user = self._grant_portal(self.notebook_a.beneficiary_id)
        member = self.notebook_a.member_ids[:1]
        with self.assertRaises(AccessError):
            member.sudo(user).write({"share_documents": False})
        with self.assertRaises(AccessError):
            self.notebook_a.objective_ids.sudo(user).create(
                {"notebook_id": self.notebook_a.id, "name": "Ajout direct"})


@at_install(False)
@post_install(True)
class TestPortalPages(ServerTransactionMixin, HttpCase):
    """/my/carnet as the demo beneficiary (login "beneficiaire"); after the
    installation, once the web routes of every module are known."""

    def setUp(self):
        super().setUp()
        self.allow_this_database()
        env = self.server_env()
        self.notebook = env.ref("carnet_de_bord.demo_portal_notebook")
        self.accompagnateur = env.ref("carnet_de_bord.demo_user_accompagnateur")
        self.other = env["cdb.notebook"].search([("id", "!=", self.notebook.id)], limit=1)
        self.authenticate("beneficiaire", "beneficiaire")

    def _page(self, url="/my/carnet"):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _post(self, url, data):
        token = re.search(r'name="csrf_token" value="([^"]+)"', self._page()).group(1)
        data = dict(data, csrf_token=token)
        response = self.url_open(url, data=data)
        self.assertEqual(response.status_code, 200)
        return response

    def test_home_links_to_the_carnet(self):
        self.assertIn('href="/my/carnet"', self._page("/my/home"))

    def test_own_carnet_and_nothing_of_another(self):
        page = self._page()
        self.assertIn(self.notebook.objective_ids[0].name, page)
        self.assertIn(self.notebook.situation_id.mobility, page)
        self.assertIn("Sophie Martin", page)
        self.assertNotIn(self.other.beneficiary_id.name, page)
        self.assertNotIn("/my/carnet/contract/%s/" % self.other.id, page)

    def test_hiding_health_from_the_accompagnateur(self):
        member = self.notebook.member_ids.filtered(lambda m: m.user_id == self.accompagnateur)
        domain = [("notebook_id", "=", self.notebook.id)]
        self._post("/my/carnet/sharing", {"member_id": member.id, "share_health": "1",
                                          "share_situation": "1", "share_plan": "1"})
        self.assertTrue(self.server_env(self.accompagnateur)["cdb.health"].search(domain))
        self._post("/my/carnet/sharing", {"member_id": member.id, "share_situation": "1",
                                          "share_plan": "1"})
        member = self.server_env()["cdb.notebook.member"].browse(member.id)
        self.assertFalse(member.share_health)
        self.assertFalse(member.share_contracts)
        self.assertFalse(self.server_env(self.accompagnateur)["cdb.health"].search(domain))

    def test_cannot_change_the_choices_of_another_carnet(self):
        member = self.other.member_ids.filtered(lambda m: m.role != "referent")[:1] \
            or self.other.member_ids[:1]
        before = member.share_documents
        response = self._post("/my/carnet/sharing", {"member_id": member.id})
        member = self.server_env()["cdb.notebook.member"].browse(member.id)
        self.assertEqual(member.share_documents, before)
        self.assertIn("error=", response.url)

    def test_declare_a_change_reaches_the_referent(self):
        self._post("/my/carnet/situation-change", {"description": "Nouvelle adresse à Lens"})
        activity = self.server_env()["mail.activity"].search([
            ("res_model", "=", "cdb.notebook"), ("res_id", "=", self.notebook.id)],
            order="id desc", limit=1)
        self.assertEqual(activity.user_id, self.notebook.referent_id)
        self.assertIn("Lens", activity.note)

    def test_validate_an_objective(self):
        objective = self.notebook.objective_ids[0]
        self._post("/my/carnet/review", {"kind": "objective", "record_id": objective.id,
                                         "decision": "validate"})
        objective = self.server_env()["cdb.objective"].browse(objective.id)
        self.assertTrue(objective.beneficiary_validated)

    def test_validate_a_review_with_my_view(self):
        """Seed 000, "Suivi": "Par qui ? L'allocataire RSA et son référent".
        The demo review awaits Émilie's validation (demo/cdb_demo_portal.xml;
        data made by the test would not reach the server's cursor)."""
        review = self.server_env().ref("carnet_de_bord.demo_portal_review")
        self.assertEqual(review.state, "submitted")
        page = self._page()
        self.assertIn('data-review-id="%s"' % review.id, page)
        self.assertIn(review.results, page)
        self.assertIn('<label for="opinion_%s"' % review.id, page)
        response = self._post("/my/carnet/bilan", {"review_id": review.id,
                                                   "opinion": "Oui, c'est juste."})
        self.assertNotIn("error=", response.url)
        review = self.server_env()["cdb.review"].browse(review.id)
        self.assertEqual((review.state, review.beneficiary_validation_channel),
                         ("validated", "portal"))
        self.assertIn("Oui, c'est juste.", review.beneficiary_opinion)
        # the last review of the carnet counts this one (the top-level suite,
        # run on the same database, may have validated a later one)
        validated = review.notebook_id.review_ids.filtered(lambda r: r.state == "validated")
        self.assertEqual(review.notebook_id.last_review_date, max(validated.mapped("date")))
        self.assertGreaterEqual(review.notebook_id.last_review_date, review.date)

    def test_cannot_validate_the_review_of_another_carnet(self):
        env = self.server_env()
        other = env["cdb.review"].search([("notebook_id", "!=", self.notebook.id)], limit=1)
        state = other.state
        response = self._post("/my/carnet/bilan", {"review_id": other.id or 0})
        self.assertIn("error=", response.url)
        self.assertEqual(self.server_env()["cdb.review"].browse(other.id).state, state)
        own = self.server_env().ref("carnet_de_bord.demo_portal_review")
        self.assertEqual(own.state, "submitted")

    def test_download_all_my_data(self):
        """The beneficiary's right of access from their portal: their data,
        health included, and nothing of another beneficiary."""
        self.assertIn('href="/my/carnet/export"', self._page())
        response = self.url_open("/my/carnet/export")
        self.assertEqual(response.status_code, 200)
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        data = json.loads(archive.read("data.json").decode())
        self.assertEqual(data["beneficiary_id"], self.notebook.beneficiary_id.id)
        self.assertIn(self.notebook.health_id.description, archive.read("data.json").decode())
        self.assertNotIn(self.other.beneficiary_id.name, archive.read("data.json").decode())

    # ------------------------------------------------ accessibility (issue 14)
    def test_page_structure_for_assistive_technologies(self):
        """RGAA / WCAG 2.1 AA (readme/PORTAL.rst, "Accessibility"): the
        language, zoom allowed, one h1, a title of its own, a skip link, a
        table of contents, the statement in the footer. The browser suite
        (tests/test_portal_a11y.py) runs axe-core on the same pages."""
        for url in ("/my", "/my/carnet"):
            page = self._page(url)
            self.assertRegex(page, r'<html[^>]* lang="[a-z]{2}-[A-Z]{2}"')
            self.assertNotIn("user-scalable=no", page)
            self.assertEqual(len(re.findall(r"<h1\b", page)), 1, url)
            self.assertNotRegex(page, r"<title>\s*(Odoo|Carnet de bord)\s*</title>")
            self.assertIn('href="#o_cdb_main"', page)
            self.assertIn('href="/accessibilite"', page)
        page = self._page()
        for anchor in ("situation", "plan", "reviews", "appointments", "contracts",
                       "members", "sharing", "my-data"):
            self.assertIn('href="#%s"' % anchor, page)
            self.assertIn('id="%s"' % anchor, page)

    def test_words_of_the_beneficiary(self):
        """No action code of the catalogue, no internal role ("Other")."""
        page = self._page()
        for action in self.notebook.action_ids:
            self.assertIn(action.action_code_id.name, page)
            self.assertNotIn(action.action_code_id.code + " ", page)
        members = re.search(r'<section id="members".*?</section>', page, re.S).group(0)
        self.assertNotRegex(members, r">\s*(Other|Autre)\s*<")

    def test_member_of_an_internal_role_shown_without_it(self):
        """A member of the internal role "Other" is listed by name, without
        the role (the section's template, rendered in the test's
        transaction: Odoo 11's test server reads another cursor)."""
        other = self.env.ref("carnet_de_bord.demo_user_referent_social2")
        notebook = self.env.ref("carnet_de_bord.demo_portal_notebook")
        self.assertNotIn(other, notebook.member_ids.mapped("user_id"))
        self.env["cdb.notebook.member"].create({
            "notebook_id": notebook.id, "user_id": other.id, "role": "other"})
        html = self.env["ir.ui.view"].with_context(lang="fr_FR").render_template(
            "carnet_de_bord.portal_carnet_members",
            {"members": notebook.member_ids.filtered("active")})
        html = html.decode() if isinstance(html, bytes) else html
        self.assertIn(other.name, html)
        self.assertNotRegex(html, r">\s*(Other|Autre)\s*<")

    def test_confirmation_next_to_the_form_with_the_text_sent(self):
        response = self._post("/my/carnet/situation-change",
                              {"description": "Nouveau numéro de téléphone."})
        self.assertIn("done=situation", response.url)
        self.assertTrue(response.url.endswith("#status-situation"))
        status = re.search(r'<div[^>]* id="status-situation".*?</blockquote>', response.text, re.S)
        self.assertTrue(status, "the confirmation follows the form")
        self.assertIn('role="status"', status.group(0))
        self.assertIn("Nouveau numéro de téléphone.", status.group(0))
        # shown once: the text is not kept for the next visit
        self.assertNotIn("Nouveau numéro de téléphone.", self._page())

    def test_accessibility_statement_is_public_and_french(self):
        self.session.uid = None  # a visitor, not logged in
        odoo.http.root.session_store.save(self.session)
        response = self.url_open("/accessibilite")
        self.assertEqual(response.status_code, 200)
        self.assertIn('lang="fr-FR"', response.text)
        for heading in ("État de conformité", "Contenus non accessibles",
                        "Établissement de cette déclaration", "Voies de recours"):
            self.assertIn(heading, response.text)
