"""The beneficiary's portal meets RGAA 4.1 / WCAG 2.1 AA on a phone (issue 14).

axe-core (installed by scripts/lib.sh into .local/node, a pinned version) is
injected into each page by Playwright and run with the WCAG 2.1 A and AA
rules: no violation on the login page, "My space" (/my), "My carnet de bord"
(/my/carnet), the accessibility statement, and after each portal form is
sent (its confirmation). Émilie Rousseau (demo portal account
"beneficiaire") then fills in and sends every form of her carnet with the
keyboard only: each confirmation comes back next to its form, with
role="status", and shows back what she wrote. Screenshots of the portal on
a phone are saved in CDB_ARTIFACTS (a11y-*.png).
"""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import PHONE
from e2e_helpers import portal_login

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / ".local" / "node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SAVED = re.compile("Votre modification est enregistrée|Your change is saved")
# An action code of the catalogue ("A.1.1"): the professionals' words.
ACTION_CODE = re.compile(r"\b[A-Z]\.\d+(\.\d+)*\b")
MAX_TABS = 80

RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
}"""

# Controls a finger touches, smaller than 24 x 24 CSS pixels (WCAG 2.5.8);
# links inside a sentence are the criterion's exception.
SMALL_TARGETS = """() => Array.from(document.querySelectorAll(
        'button, input:not([type=hidden]), textarea, select, a.btn, nav a, '
        + '.breadcrumb a, #footer a, .o_cdb_skip_link:focus'))
    .filter(el => el.offsetParent !== null)
    .map(el => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => r.width < 24 || r.height < 24)
    .map(([el, r]) => el.outerHTML.slice(0, 120) + ' ' + r.width + 'x' + r.height)"""


@pytest.fixture(scope="module", autouse=True)
def _axe_installed():
    if not AXE.exists():
        pytest.fail("axe-core is missing (%s): run scripts/setup.sh or scripts/test.sh, "
                    "which install it with lessc" % AXE)


def shot(page, artifacts, name):
    page.screenshot(path=str(artifacts / ("a11y-%s.png" % name)), full_page=True)


def assert_accessible(page, artifacts, name):
    """0 axe-core violation (WCAG 2.1 A and AA), one h1, a title of its
    own, no control smaller than 24 px; a screenshot either way."""
    shot(page, artifacts, name)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, "axe-core violations on %s (%s):\n%s" % (
        name, page.url, "\n".join("- %(id)s (%(impact)s): %(help)s\n    " % v
                                  + "\n    ".join(v["nodes"]) for v in violations))
    expect(page.locator("h1")).to_have_count(1)
    assert page.title().strip() not in ("", "Odoo", "Carnet de bord"), page.title()
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_login_and_statement_are_accessible(phone, artifacts):
    phone.goto("/web/login")
    assert_accessible(phone, artifacts, "login")
    phone.goto("/accessibilite")
    expect(phone.locator("html")).to_have_attribute("lang", "fr-FR")
    for heading in ("État de conformité", "Contenus non accessibles",
                    "Établissement de cette déclaration", "Voies de recours"):
        expect(phone.get_by_role("heading", name=heading)).to_have_count(1)
    assert_accessible(phone, artifacts, "statement")


def test_portal_pages_are_accessible(phone, artifacts):
    portal_login(phone, "beneficiaire")
    phone.goto("/my")
    assert_accessible(phone, artifacts, "my")
    footer = phone.locator("#footer a[href='/accessibilite']")
    expect(footer).to_contain_text("Accessibilité")

    phone.goto("/my/carnet")
    assert_accessible(phone, artifacts, "carnet")
    expect(phone.locator("#footer a[href='/accessibilite']")).to_have_count(1)
    # Each section is reached from the table of contents.
    toc = phone.locator("nav.o_cdb_toc a")
    assert toc.count() >= 8
    for index in range(toc.count()):
        anchor = toc.nth(index).get_attribute("href")
        expect(phone.locator(anchor)).to_have_count(1)
    # The beneficiary's words: no action code, no internal role.
    assert not ACTION_CODE.search(phone.locator("#plan").inner_text())
    assert "Autre" not in phone.locator("#members").inner_text()
    expect(phone.locator("#access .o_cdb_access_scope")).to_contain_text("mois")


def tab_to(page, selector):
    """Press Tab until the focus is on ``selector``, as a keyboard user."""
    target = page.locator(selector)
    expect(target).to_have_count(1)
    for _press in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail("%s not reached with %d presses of Tab" % (selector, MAX_TABS))


def jump_to_section(page, anchor):
    """From the top of the page: skip link, then the table of contents."""
    page.goto("/my/carnet")
    page.keyboard.press("Tab")
    expect(page.locator(".o_cdb_skip_link")).to_be_focused()
    page.keyboard.press("Enter")
    tab_to(page, "nav.o_cdb_toc a[href='#%s']" % anchor)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#%s$" % anchor))


def send_with_keyboard(page, artifacts, anchor, key, field=None, text=None, submit=None):
    """Reach the form ``key`` of section ``anchor`` with the keyboard, type
    ``text`` in ``field`` (or tick the box ``field``), send it with Enter,
    and check the confirmation next to the form."""
    jump_to_section(page, anchor)
    form = "#form-%s" % key
    if text is not None:
        tab_to(page, "%s %s" % (form, field))
        page.keyboard.type(text)
    elif field:
        tab_to(page, "%s %s" % (form, field))
        page.keyboard.press("Space")
    tab_to(page, "%s %s" % (form, submit or "button[type=submit]"))
    page.keyboard.press("Enter")
    status = page.locator("#status-%s [role=status]" % key)
    expect(status).to_contain_text(SAVED)
    expect(status).to_be_in_viewport()
    if text:
        expect(status.locator(".o_cdb_sent")).to_have_text(text)
    # next to its form: the confirmation follows it in the same card
    assert page.evaluate("""(key) => {
        const status = document.getElementById('status-' + key);
        const form = document.getElementById('form-' + key);
        return !form || status.previousElementSibling === form;
    }""", key)
    assert_accessible(page, artifacts, "sent-%s" % key.split("-")[0])


def test_every_form_by_keyboard(phone, artifacts, connect):
    beneficiary = connect("beneficiaire")
    referent = connect("referent.social")
    [notebook_id] = beneficiary.call("cdb.notebook", "search", [])
    [notebook] = beneficiary.call("cdb.notebook", "read", [notebook_id],
                                  ["objective_ids", "action_ids", "member_ids"])
    # a review the référent submitted, for the beneficiary to agree with
    review_id = referent.call("cdb.notebook", "action_new_review", [notebook_id])["res_id"]
    referent.call("cdb.review", "write", [review_id], {"results": "Un stage trouvé."})
    referent.call("cdb.review", "action_validate", [review_id])

    portal_login(phone, "beneficiaire")
    send_with_keyboard(phone, artifacts, "situation", "situation", "textarea",
                       "J'ai déménagé à Arras.")
    send_with_keyboard(phone, artifacts, "plan", "objective-%d" % notebook["objective_ids"][0],
                       "textarea", "Je voudrais un CAP.", "button[value=comment]")
    send_with_keyboard(phone, artifacts, "plan", "action-%d" % notebook["action_ids"][0],
                       "textarea", "D'accord pour cet atelier.", "button[value=comment]")
    send_with_keyboard(phone, artifacts, "reviews", "review-%d" % review_id,
                       "textarea", "C'est juste.")
    # a member who is not the référent (his minimum sections are locked)
    member_id = phone.locator(
        "#sharing .o_cdb_share_card[data-member-id]:has(input[name=share_documents])"
        ":not(:has(input[name=share_documents][disabled]))").first.get_attribute(
        "data-member-id")
    for _twice in range(2):  # and back: the next run starts from the same choices
        send_with_keyboard(phone, artifacts, "sharing", "member-%s" % member_id,
                           "input[name=share_documents]")
