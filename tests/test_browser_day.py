"""Each role's day (issue 14, "Land on one's work", "No workflow by trial
and error"), in headless Chromium.

Each demo role logs in and lands on its own home, not the Discuss inbox:
the référent and the accompagnateur on "Ma journée" (its search box finds a
beneficiary by name), the correspondant on the decisions to make, the
structure administrator on the carnets of their structure, the manager on
the dashboard; a screenshot of each home is saved. A référent then signs a
CER through its dialog: the two signature dates and the reciprocity answer
are asked there, and the contract is signed. The correspondant decides on a
submitted contract through its dialog (a rejection asks its motive). The
carnet shows four sections, and its rare acts (closing, the right-of-access
export) are in the form's Action menu.
"""
import datetime
import re

import pytest
from playwright.sync_api import expect

from e2e_helpers import agree_ede, browser_login, create_carnet, label, user_date_format

# login -> (model of the home, a selector only that home shows)
# The guide's orientations and contracts: a département still on the guide.
pytestmark = pytest.mark.usefixtures("guide_regime")
HOMES = {
    "referent.social": ("cdb.day", ".o_cdb_day_today"),
    "accompagnateur": ("cdb.day", ".o_cdb_day_late"),
    "correspondant": ("cdb.day", ".o_cdb_day_decide_contract"),
    "admin.structure": ("cdb.notebook", ".o_list_view"),
    "manager": ("cdb.dashboard", ".o_cdb_dashboard"),
}


@pytest.mark.parametrize("login", sorted(HOMES))
def test_each_role_lands_on_its_home(page, wait_idle, js_errors, artifacts, login):
    model, selector = HOMES[login]
    browser_login(page, wait_idle, login)
    expect(page).to_have_url(re.compile(r"model=%s\b" % re.escape(model)))
    expect(page.locator(selector).first).to_be_visible()
    expect(page.locator(".o_mail_chat")).to_have_count(0)  # not the Discuss inbox
    if login == "admin.structure":
        facet = page.locator(".o_searchview .o_searchview_facet")
        expect(facet.filter(has_text=label("Ma structure", "My structure"))).to_have_count(1)
    page.screenshot(path=str(artifacts / ("home-%s.png" % login)), full_page=True)


def test_my_day_finds_a_beneficiary(page, wait_idle, js_errors, artifacts, social, manager):
    notebook_id, _, vals = create_carnet(manager, social.uid, firstname="Maëlle")
    browser_login(page, wait_idle, "referent.social")
    expect(page.locator(".o_cdb_day_today")).to_be_visible()  # the page is computed
    search = page.locator(".o_cdb_day_search_text input, input.o_cdb_day_search_text").first
    search.click()
    search.press_sequentially(vals["lastname"])
    search.blur()
    wait_idle()
    expect(page.locator("button").filter(
        has_text=label("Voir tous les résultats", "See every result"))).to_be_visible()
    found = page.locator(".o_cdb_day_found .o_data_row")
    expect(found).to_have_count(1)
    expect(found).to_contain_text(vals["lastname"])
    page.screenshot(path=str(artifacts / "home-search.png"), full_page=True)
    found.locator("button").click()
    wait_idle()
    expect(page).to_have_url(re.compile(r"id=%d\b.*model=cdb\.notebook|model=cdb\.notebook.*"
                                        r"id=%d\b" % (notebook_id, notebook_id)))
    # Opened, the carnet is listed among the last ones on the home.
    page.goto("/web")
    wait_idle()
    expect(page.locator(".o_cdb_day_recent .o_data_row").filter(
        has_text=vals["lastname"])).to_have_count(1)


def test_referent_signs_a_cer_through_its_dialog(
        page, wait_idle, js_errors, artifacts, social, manager):
    notebook_id, _, _ = create_carnet(manager, social.uid, firstname="Ilyès")
    orientation_id = manager.call("rsa.orientation", "create", {
        "notebook_id": notebook_id, "orientation_type": "solidarity",
        "referent_id": social.uid})
    manager.call("rsa.orientation", "action_decide", [orientation_id])
    agree_ede(social, notebook_id)
    contract_id = social.call("cer.contract", "create", {
        "notebook_id": notebook_id, "referent_id": social.uid,
        "objectives": "Trouver un logement stable."})
    code = social.call("cdb.action.code", "search", [("code", "=", "A.1.1")], limit=1)[0]
    today = datetime.date.fromisoformat(social.call(
        "rsa.orientation", "read", [orientation_id], ["date_decision"])[0]["date_decision"])
    social.call("cer.pap.line", "create", {
        "contract_id": contract_id, "action_code_id": code,
        "date_start": today.isoformat(),
        "date_deadline": (today + datetime.timedelta(days=60)).isoformat(),
        "beneficiary_engagement": "Constituer le dossier FSL."})
    today_text = today.strftime(user_date_format(social))

    browser_login(page, wait_idle, "referent.social")
    page.goto("/web#id=%d&model=cer.contract&view_type=form" % contract_id)
    wait_idle()
    button = page.locator(".o_form_statusbar .o_statusbar_buttons button:visible").filter(
        has_text=label("Signer…", "Sign…"))
    expect(button).to_have_count(1)
    button.click()
    dialog = page.locator(".modal-dialog").filter(has=page.locator(".o_cer_sign_confirm"))
    expect(dialog).to_be_visible()
    date = dialog.locator('[name="beneficiary_signed_date"] input').first
    date.fill(today_text)
    date.press("Tab")
    expect(dialog.locator('[name="referent_signed_date"] input').first).to_have_value(today_text)
    dialog.locator(".o_field_widget[name=reciprocity_answer] input").first.check()
    page.screenshot(path=str(artifacts / "day-sign-dialog.png"))
    dialog.locator(".o_cer_sign_confirm").click()
    wait_idle()
    expect(dialog).to_have_count(0)
    status = page.locator(".o_form_statusbar .o_statusbar_status button.btn-primary")
    expect(status).to_have_attribute("data-value", "signed")
    values = social.call("cer.contract", "read", [contract_id],
                         ["state", "beneficiary_signed_date", "reciprocity_answer"])[0]
    assert values["state"] == "signed", values
    assert values["beneficiary_signed_date"] == today.isoformat(), values
    assert values["reciprocity_answer"], values


@pytest.fixture(scope="module")
def correspondant(connect):
    return connect("correspondant")


def _submitted_contract(social, manager, correspondant, firstname):
    """A carnet of the Arrageois (the demo correspondant's territory) with a
    contract signed and submitted by the référent."""
    notebook_id, _, _ = create_carnet(manager, social.uid, firstname=firstname)
    territory = manager.call("cdb.territory", "search", [("name", "=", "Arrageois")])
    manager.call("cdb.notebook", "write", [notebook_id], {"territory_id": territory[0]})
    orientation_id = manager.call("rsa.orientation", "create", {
        "notebook_id": notebook_id, "orientation_type": "solidarity",
        "referent_id": social.uid, "correspondant_id": correspondant.uid})
    manager.call("rsa.orientation", "action_decide", [orientation_id])
    agree_ede(social, notebook_id)
    today = social.call("rsa.orientation", "read", [orientation_id],
                        ["date_decision"])[0]["date_decision"]
    contract_id = social.call("cer.contract", "create", {
        "notebook_id": notebook_id, "referent_id": social.uid,
        "objectives": "Trouver un logement stable.",
        "beneficiary_signed_date": today, "referent_signed_date": today,
        "reciprocity_answer": "declined"})
    code = social.call("cdb.action.code", "search", [("code", "=", "A.1.1")], limit=1)[0]
    social.call("cer.pap.line", "create", {
        "contract_id": contract_id, "action_code_id": code, "date_start": today,
        "date_deadline": today, "beneficiary_engagement": "Constituer le dossier FSL."})
    social.call("cer.contract", "action_sign", [contract_id])
    social.call("cer.contract", "action_submit", [contract_id])
    return notebook_id, contract_id


def test_correspondant_decides_a_contract_through_its_dialog(
        page, wait_idle, js_errors, artifacts, social, manager, correspondant):
    """"Décider…" asks the decision and, for a rejection, its motive: the
    dialog will not record a rejection without it; then the contract is
    rejected with the motive the référent reads."""
    _, contract_id = _submitted_contract(social, manager, correspondant, "Sélène")
    browser_login(page, wait_idle, "correspondant")
    page.goto("/web#id=%d&model=cer.contract&view_type=form" % contract_id)
    wait_idle()
    buttons = page.locator(".o_form_statusbar .o_statusbar_buttons button:visible")
    expect(buttons.filter(has_text=label("Valider", "Validate"))).to_have_count(0)
    button = buttons.filter(has_text=label("Décider…", "Decide…"))
    expect(button).to_have_count(1)
    button.click()
    dialog = page.locator(".modal-dialog").filter(has=page.locator(".o_cer_decision_confirm"))
    expect(dialog).to_be_visible()
    dialog.locator(".o_field_widget[name=decision] input").last.check()  # "Rejeté"
    dialog.locator(".o_cer_decision_confirm").click()
    wait_idle()
    expect(dialog).to_be_visible()  # the motive of a rejection is required
    assert social.call("cer.contract", "read", [contract_id], ["state"])[0]["state"] == \
        "submitted"
    dialog.locator(".o_field_widget[name=motive]").fill("Le plan ne répond pas aux objectifs.")
    page.screenshot(path=str(artifacts / "day-decision-dialog.png"))
    dialog.locator(".o_cer_decision_confirm").click()
    wait_idle()
    expect(dialog).to_have_count(0)
    values = social.call("cer.contract", "read", [contract_id],
                         ["state", "decision_motive"])[0]
    assert values == {"id": contract_id, "state": "rejected",
                      "decision_motive": "Le plan ne répond pas aux objectifs."}, values


def test_the_carnet_in_four_sections(page, wait_idle, js_errors, artifacts, social, manager):
    """The carnet's form shows four sections instead of a long row of tabs;
    closing the accompaniment and the right-of-access export are in the
    Action menu, not in the header; closing opens its dialog."""
    notebook_id, _, _ = create_carnet(manager, social.uid, firstname="Eliott")
    browser_login(page, wait_idle, "referent.social")
    page.goto("/web#id=%d&model=cdb.notebook&view_type=form" % notebook_id)
    wait_idle()
    # the carnet's own tabs (lists inside its pages may have their own)
    tabs = page.locator(".o_form_view .o_form_sheet .o_notebook").first.locator(
        ":scope > ul.nav-tabs > li > a")
    expect(tabs).to_have_count(4)
    for index, texts in enumerate((
            ("Situation", "Situation"),
            ("Parcours et contrat", "Path and contract"),
            ("Plan d'action et rendez-vous", "Action plan and appointments"),
            ("Accès", "Access"))):
        expect(tabs.nth(index)).to_have_text(label(*texts))
    header = page.locator(".o_form_statusbar .o_statusbar_buttons")
    for texts in (("Clôturer l'accompagnement", "Close the accompaniment"),
                  ("Exporter toutes les données (droit d'accès)",
                   "Export all the data (right of access)")):
        expect(header.locator("button").filter(has_text=label(*texts))).to_have_count(0)
    action_menu = page.locator(".o_cp_sidebar .o_dropdown_toggler_btn").filter(
        has_text=label("Action"))
    expect(action_menu).to_have_count(1)
    action_menu.click()
    entries = page.locator(".o_cp_sidebar .dropdown-menu:visible a")
    expect(entries.filter(has_text=re.compile("droit d'accès|right of access"))).to_have_count(1)
    close = entries.filter(has_text=label("Clôturer l'accompagnement",
                                          "Close the accompaniment"))
    expect(close).to_have_count(1)
    page.screenshot(path=str(artifacts / "carnet-action-menu.png"))
    close.click()
    wait_idle()
    dialog = page.locator(".modal-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".o_field_widget[name=end_reason_id]")).to_have_count(1)


@pytest.mark.parametrize("viewport", [(768, 1024), (1024, 768)], ids=["portrait", "landscape"])
def test_referent_on_a_tablet(page, wait_idle, js_errors, artifacts, social, manager, viewport):
    """Référents work in home visits and at reception desks: on a tablet
    (portrait and landscape) the référent lands on her day, finds a
    beneficiary and opens the carnet with its four sections, and no page
    scrolls sideways."""
    width, height = viewport
    page.set_viewport_size({"width": width, "height": height})
    _notebook_id, _, vals = create_carnet(manager, social.uid, firstname="Tiago")

    def no_sideways_scroll():
        # Neither the page nor its content pane (beside the menu) scrolls
        # sideways: nothing of a line hides under the menu.
        overflow = page.evaluate(
            "Math.max(...[document.documentElement, document.querySelector('.o_content')]"
            ".map(e => e.scrollWidth - e.clientWidth))")
        assert overflow <= 1, "the page scrolls sideways by %d px at %d px" % (overflow, width)

    browser_login(page, wait_idle, "referent.social")
    expect(page.locator(".o_cdb_day_today")).to_be_visible()
    no_sideways_scroll()
    search = page.locator(".o_cdb_day_search_text input, input.o_cdb_day_search_text").first
    search.click()
    search.press_sequentially(vals["lastname"])
    search.blur()
    wait_idle()
    found = page.locator(".o_cdb_day_found .o_data_row")
    expect(found).to_have_count(1)
    found.locator("button").click()
    wait_idle()
    expect(page).to_have_url(re.compile(r"model=cdb\.notebook"))
    tabs = page.locator(".o_form_view .o_form_sheet .o_notebook").first.locator(
        ":scope > ul.nav-tabs > li > a")
    expect(tabs).to_have_count(4)
    for index in range(4):
        expect(tabs.nth(index)).to_be_visible()
    no_sideways_scroll()
    page.screenshot(path=str(artifacts / ("tablet-carnet-%dx%d.png" % viewport)), full_page=True)
    sheet = page.evaluate("(() => { const r = document.querySelector("
                          "'.o_form_view .o_form_sheet').getBoundingClientRect();"
                          " return [r.left, r.right]; })()")
    menu_right = page.evaluate(
        "document.querySelector('.o_sub_menu').getBoundingClientRect().right")
    assert sheet[0] >= menu_right - 1 and sheet[1] <= width + 1, \
        "the carnet (%s) does not fit between the menu (%s) and the edge (%s)" % (
            sheet, menu_right, width)


@pytest.mark.parametrize("login,allowed", [("referent.social", False), ("manager", True)])
def test_generic_import_for_the_managers_only(page, wait_idle, js_errors, artifacts,
                                              login, allowed):
    """Odoo's "Importer" button shows to a manager, not to a référent; a
    référent exports without the "import-compatible" choice."""
    browser_login(page, wait_idle, login)
    page.goto("/web#action=carnet_de_bord.res_partner_action_beneficiaries")
    wait_idle()
    expect(page.locator(".o_list_view")).to_be_visible()
    expect(page.locator(".o_list_buttons .o_button_import")).to_have_count(1 if allowed else 0)
    if allowed:
        return
    page.locator(".o_list_view tbody .o_data_row .o_list_record_selector input").first.check()
    action_menu = page.locator(".o_cp_sidebar .o_dropdown_toggler_btn").filter(
        has_text=label("Action"))
    action_menu.click()
    page.locator(".o_cp_sidebar .dropdown-menu:visible a").filter(
        has_text=label("Exporter", "Export")).click()
    dialog = page.locator(".modal-dialog").filter(has=page.locator(".o_export_tree, "
                                                                   ".o_fields_list"))
    expect(dialog).to_be_visible()
    expect(dialog.locator(".o_import_compat")).to_be_hidden()
    expect(dialog.locator(".o_import_compat input[value=yes]")).to_have_count(0)
    page.screenshot(path=str(artifacts / "day-export-without-import-compat.png"))
