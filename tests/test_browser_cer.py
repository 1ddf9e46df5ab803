"""A référent drafts a CER from the carnet, adds PAP lines from the
catalogue, records both signatures and prints it, in headless Chromium.

The manager creates a beneficiary and a carnet and decides a solidarity
orientation with referent.social as référent. referent.social opens the
carnet (the employment-distance scale agreed with the beneficiary), tab
"Contrats", "Nouveau contrat": a CER solidarité (the type follows the
orientation). They write the objectives, add two lines to the
personalised action plan by choosing codified actions in the autocomplete
(A.1.1 and G.2.3) with their échéances, record the reciprocity and both
signature dates, save, "Enregistrer les signatures", and print the contract
from the "Imprimer" menu: a PDF is downloaded. The server then has a signed
contract whose two PAP lines are the carnet's two actions.
"""
import datetime
import html
import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from e2e_helpers import (agree_ede, browser_login, create_carnet, label, open_my_carnet,
                         open_tab, user_date_format)

# The guide's orientations and contracts: a département still on the guide.
pytestmark = pytest.mark.usefixtures("guide_regime")
LOGIN = "referent.social"
REPORT = "cer_contracts.report_cer_contract"
OBJECTIVES = "Trouver un logement stable et définir un projet professionnel réaliste."
RECIPROCITY = "Bénévolat à l'épicerie solidaire du quartier, deux demi-journées par mois."
# (code, days from today to the échéance, engagement of the beneficiary)
PAP = [
    ("A.1.1", 45, "Constituer le dossier FSL avec l'assistante sociale."),
    ("G.2.3", 120, "Réaliser deux enquêtes métier."),
]


def shot(page, artifacts, number, name):
    page.screenshot(path=str(artifacts / ("cer-%d-%s.png" % (number, name))), full_page=True)


def date_input(scope, name):
    """The text input of the date field ``name``."""
    return scope.locator('[name="%s"] input, input[name="%s"]' % (name, name)).first


def fill_date(scope, name, text):
    field = date_input(scope, name)
    field.fill(text)
    field.press("Tab")  # closes the date picker and commits the value
    expect(field).to_have_value(text)


def choose_in_autocomplete(page, field_input, code):
    """Type a code in a many2one and click the proposal of that exact code."""
    field_input.fill(code)
    choice = page.locator(".ui-autocomplete:visible li a").filter(
        has_text=re.compile(r"^\s*%s " % re.escape(code)))
    expect(choice).to_have_count(1)
    choice.click()
    expect(field_input).to_have_value(re.compile(r"^%s " % re.escape(code)))


def header_button(page, *texts):
    # (Odoo 11 renders the header's buttons without their name.)
    button = page.locator(".o_form_statusbar .o_statusbar_buttons button:visible").filter(
        has_text=label(*texts))
    expect(button).to_have_count(1)
    return button


def expect_state(page, value, *texts):
    status = page.locator(".o_form_statusbar .o_statusbar_status button.btn-primary")
    expect(status).to_have_attribute("data-value", value)
    expect(status).to_have_text(label(*texts))


def pdf_text(path):
    """The text of a PDF with poppler's pdftotext, or None without it."""
    if not shutil.which("pdftotext"):
        return None
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout


def test_referent_drafts_signs_and_prints_a_cer(
        page, wait_idle, js_errors, artifacts, social, manager):
    # The beneficiary, the carnet and the decided solidarity orientation.
    notebook_id, _, vals = create_carnet(manager, social.uid, firstname="Yanis")
    lastname = vals["lastname"]
    orientation_id = manager.call("rsa.orientation", "create", {
        "notebook_id": notebook_id, "orientation_type": "solidarity",
        "referent_id": social.uid})
    manager.call("rsa.orientation", "action_decide", [orientation_id])
    assert social.call("cdb.notebook", "read", [notebook_id], ["orientation_id"])[0][
        "orientation_id"][0] == orientation_id
    # The scale made with the beneficiary before the contract (guide).
    agree_ede(social, notebook_id)
    assert social.call("cer.contract", "search_count", [("notebook_id", "=", notebook_id)]) == 0

    # The server's today (the decision date), which the contract's start and
    # the actions' starts default to.
    today = datetime.date.fromisoformat(social.call(
        "rsa.orientation", "read", [orientation_id], ["date_decision"])[0]["date_decision"])
    date_format = user_date_format(social)
    today_text = today.strftime(date_format)
    deadlines = {code: today + datetime.timedelta(days=days) for code, days, _ in PAP}

    browser_login(page, wait_idle, LOGIN)
    open_my_carnet(page, wait_idle, lastname)

    # Section "Parcours et contrat": no contract yet, "Nouveau contrat".
    pane = open_tab(page, "Parcours et contrat", "Path and contract")
    expect(pane.locator(".o_field_one2many[name=contract_ids] .o_data_row")).to_have_count(0)
    shot(page, artifacts, 1, "carnet-contracts")
    new = pane.locator("button").filter(has_text=label("Nouveau contrat", "New contract"))
    expect(new).to_have_count(1)
    new.click()
    wait_idle()

    # The contract form: a draft CER solidarité of this carnet and orientation.
    form = page.locator(".o_form_view.o_form_editable")
    expect(form.locator(".o_field_widget[name=pap_line_ids]")).to_be_visible()
    expect_state(page, "draft", "Brouillon", "Draft")
    contract_type = form.locator("select.o_field_widget[name=contract_type]")
    expect(contract_type).to_have_value('"cer_solidarity"')
    expect(contract_type.locator("option:checked")).to_have_text(label("CER solidarité"))
    expect(form.locator(".o_field_widget[name=beneficiary_id]")).to_contain_text(lastname)
    expect(form.locator(".o_field_widget[name=notebook_id] input")).to_have_value(
        re.compile(re.escape(lastname)))
    expect(form.locator(".o_field_widget[name=orientation_id] input")).to_have_value(
        re.compile(r"^(Solidarité|Solidarity) – %s$" % re.escape(today_text)))
    expect(form.locator(".o_field_widget[name=duration_months]")).to_have_value("6")

    # Tab "Plan d'actions": the objectives and two codified actions.
    plan_tab = open_tab(page, "Plan d'actions", "Action plan")
    plan_tab.locator(".o_field_widget[name=objectives]").fill(OBJECTIVES)
    pap = plan_tab.locator(".o_field_one2many[name=pap_line_ids]")
    rows = pap.locator(".o_data_row")
    expect(rows).to_have_count(0)
    for number, (code, _, engagement) in enumerate(PAP):
        pap.locator(".o_field_x2many_list_row_add a").click()
        row = pap.locator(".o_data_row.o_selected_row")
        expect(row).to_have_count(1)
        choose_in_autocomplete(
            page, row.locator(".o_field_many2one[name=action_code_id] input"), code)
        row.locator(".o_field_widget[name=beneficiary_engagement]").fill(engagement)
        fill_date(row, "date_deadline", deadlines[code].strftime(date_format))
        expect(rows).to_have_count(number + 1)
    shot(page, artifacts, 2, "pap-lines")
    # Leave the last line: both rows show their action and échéance.
    form.locator(".o_field_widget[name=objectives]").click()
    expect(pap.locator(".o_data_row.o_selected_row")).to_have_count(0)
    for row_index, (code, _, engagement) in enumerate(PAP):
        row = rows.nth(row_index)
        expect(row).to_contain_text(code)
        expect(row).to_contain_text(engagement)
        expect(row).to_contain_text(deadlines[code].strftime(date_format))

    # Tab "Engagements et signatures": reciprocity and both signatures.
    signatures = open_tab(page, "Engagements et signatures", "Engagements and signatures")
    signatures.locator(".o_field_widget[name=reciprocity_activity]").fill(RECIPROCITY)
    answer = signatures.locator("select.o_field_widget[name=reciprocity_answer]")
    accepted = [text for text in answer.locator("option").all_inner_texts()
                if re.match(r"^\s*(Acceptée|Accepted)\s*$", text)]
    assert len(accepted) == 1, answer.locator("option").all_inner_texts()
    answer.select_option(label=accepted[0].strip())
    expect(answer).to_have_value('"accepted"')
    fill_date(signatures, "beneficiary_signed_date", today_text)
    fill_date(signatures, "referent_signed_date", today_text)
    shot(page, artifacts, 3, "signatures")

    # Save: a numbered draft.
    page.locator(".o_form_button_save").click()
    expect(page.locator(".o_form_view.o_form_readonly")).to_be_visible()
    wait_idle()
    expect_state(page, "draft", "Brouillon", "Draft")
    contracts = social.call("cer.contract", "search_read", [("notebook_id", "=", notebook_id)],
                            fields=["name", "state"])
    assert len(contracts) == 1 and contracts[0]["state"] == "draft", contracts
    contract_id, contract_name = contracts[0]["id"], contracts[0]["name"]
    assert contract_name and contract_name != "/", contract_name
    expect(page.locator(".o_form_view .oe_title h1")).to_have_text(contract_name)
    open_tab(page, "Plan d'actions", "Action plan")
    expect(rows).to_have_count(2)
    for row_index, (code, _, _) in enumerate(PAP):
        expect(rows.nth(row_index)).to_contain_text(code)
        expect(rows.nth(row_index)).to_contain_text(deadlines[code].strftime(date_format))
    # The themes of the codified actions (A: housing, G: employment).
    expect(rows.nth(0).locator("td").first).to_have_text(label("A Le logement"))
    expect(rows.nth(1).locator("td").first).to_have_text(label("G Accompagnement vers l’emploi"))
    shot(page, artifacts, 4, "saved")

    # "Signer…": the dialog shows the dates and the answer recorded; signed.
    header_button(page, "Signer…", "Sign…").click()
    dialog = page.locator(".modal-dialog").filter(has=page.locator(".o_cer_sign_confirm"))
    answer = dialog.locator(".o_field_widget[name=reciprocity_answer] input:checked")
    expect(answer).to_have_count(1)
    dialog.locator(".o_cer_sign_confirm").click()
    wait_idle()
    expect_state(page, "signed", "Signé", "Signed")
    expect(page.locator(".o_form_statusbar .o_statusbar_buttons button:visible").filter(
        has_text=label("Signer…", "Sign…"))).to_have_count(0)
    shot(page, artifacts, 5, "signed")

    # "Imprimer" > "Contrat": the PDF is downloaded.
    print_menu = page.locator(".o_cp_sidebar .o_dropdown_toggler_btn").filter(
        has_text=label("Imprimer", "Print"))
    expect(print_menu).to_have_count(1)
    print_menu.click()
    report_entry = page.locator(".o_cp_sidebar .dropdown-menu:visible a").filter(
        has_text=label("Contrat", "Contract"))
    expect(report_entry).to_have_count(1)
    shot(page, artifacts, 6, "print-menu")
    with page.expect_download(timeout=120000) as download_info:
        with page.expect_response(lambda r: "/report/download" in r.url,
                                  timeout=120000) as response_info:
            report_entry.click()
    response = response_info.value
    assert response.status == 200, response.status
    assert response.header_value("content-type").startswith("application/pdf"), \
        response.headers
    download = download_info.value
    assert download.failure() is None, download.failure()
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    assert lastname in download.suggested_filename, download.suggested_filename
    pdf_path = artifacts / "cer-contract.pdf"
    download.save_as(str(pdf_path))
    content = pdf_path.read_bytes()
    assert content.startswith(b"%PDF-"), content[:40]
    assert len(content) > 5000, len(content)
    # Two originals (beneficiary, Département), each on its own page(s).
    pages = len(re.findall(rb"/Type\s*/Page\b", content))
    assert pages >= 2, pages
    wait_idle()

    # What the PDF says (when poppler's pdftotext is there)...
    text = pdf_text(pdf_path)
    if text is not None:
        flat = " ".join(text.split())
        assert "Contrat d'engagements réciproques – solidarité" in flat, flat[:2000]
        assert "Exemplaire 1/2" in flat and "Exemplaire 2/2" in flat, flat[:2000]
        for code, _, _ in PAP:
            assert code in flat, code
    # ... and what the report says, in its HTML form, with the same session.
    report_html = page.request.get("/report/html/%s/%d" % (REPORT, contract_id))
    assert report_html.ok, report_html.status
    assert report_html.headers["content-type"].startswith("text/html")
    body = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", report_html.text())).split())
    assert "Contrat d'engagements réciproques – solidarité" in body, body[:2000]
    assert "Contrat n° %s" % contract_name in body, body[:2000]
    assert lastname in body
    assert OBJECTIVES in body and RECIPROCITY in body
    for code, _, engagement in PAP:
        assert code in body and engagement in body, code
        assert deadlines[code].strftime("%d/%m/%Y") in body, code
    assert body.count("Signé le : %s" % today.strftime("%d/%m/%Y")) == 4, body[-3000:]
    assert "☒ J'accepte cette démarche" in body, body[-3000:]

    # Back to the carnet: the contract is listed as signed, and its PAP
    # lines are the carnet's actions.
    page.locator(".o_control_panel .breadcrumb a").filter(has_text=lastname).click()
    expect(page.locator(".o_form_view .oe_title h1")).to_contain_text(lastname)
    wait_idle()
    pane = open_tab(page, "Parcours et contrat", "Path and contract")
    listed = pane.locator(".o_field_one2many[name=contract_ids] .o_data_row")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text(contract_name)
    expect(listed).to_contain_text(re.compile("Signé|Signed"))
    pane = open_tab(page, "Plan d'action et rendez-vous", "Action plan and appointments")
    carnet_actions = pane.locator(".o_field_one2many[name=action_ids] .o_data_row")
    expect(carnet_actions).to_have_count(2)
    for row_index, (code, _, _) in enumerate(PAP):  # ordered by échéance
        expect(carnet_actions.nth(row_index)).to_contain_text(code)
        expect(carnet_actions.nth(row_index)).to_contain_text(
            deadlines[code].strftime(date_format))
    shot(page, artifacts, 7, "carnet-actions")

    # The server: a signed contract whose PAP lines are the carnet's actions.
    contract = social.call("cer.contract", "read", [contract_id], [
        "state", "contract_type", "orientation_id", "referent_id", "objectives",
        "reciprocity_answer", "reciprocity_activity", "beneficiary_signed_date",
        "referent_signed_date", "pap_line_ids"])[0]
    assert contract["state"] == "signed"
    assert contract["contract_type"] == "cer_solidarity"
    assert contract["orientation_id"][0] == orientation_id
    assert contract["referent_id"][0] == social.uid
    assert contract["objectives"] == OBJECTIVES
    assert contract["reciprocity_answer"] == "accepted"
    assert contract["reciprocity_activity"] == RECIPROCITY
    assert contract["beneficiary_signed_date"] == today.isoformat()
    assert contract["referent_signed_date"] == today.isoformat()
    lines = social.call("cer.pap.line", "read", contract["pap_line_ids"], [
        "action_id", "action_code_id", "date_start", "date_deadline", "state",
        "beneficiary_engagement", "notebook_id"])
    assert len(lines) == 2, lines
    by_code = {line["action_code_id"][1].split(" ")[0]: line for line in lines}
    assert set(by_code) == {code for code, _, _ in PAP}, by_code
    for code, _, engagement in PAP:
        line = by_code[code]
        assert line["date_deadline"] == deadlines[code].isoformat(), line
        assert line["date_start"] == today.isoformat(), line
        assert line["state"] == "planned", line
        assert line["beneficiary_engagement"] == engagement, line
        assert line["notebook_id"][0] == notebook_id, line
    actions = social.call("cdb.action", "search_read", [("notebook_id", "=", notebook_id)],
                          fields=["action_code_id", "date_deadline", "state"])
    assert sorted((a["action_code_id"][1].split(" ")[0], a["date_deadline"]) for a in actions) == \
        sorted((code, deadlines[code].isoformat()) for code, _, _ in PAP), actions
    assert {a["id"] for a in actions} == {line["action_id"][0] for line in lines}

    assert not js_errors, "JavaScript errors during the journey:\n" + "\n".join(js_errors)


def test_fiche_de_liaison_shows_no_false_in_empty_contact_fields(
        page, wait_idle, js_errors, artifacts, social, manager):
    """The référent opens a fiche de liaison of a beneficiary without phone
    nor e-mail: the form shows no "false" where the contact details would be
    (Odoo 11's phone and e-mail widgets print the empty value as "false"),
    and neither does the printed fiche."""
    notebook_id, _, vals = create_carnet(manager, social.uid, firstname="Inès")
    orientation_id = manager.call("rsa.orientation", "create", {
        "notebook_id": notebook_id, "orientation_type": "solidarity",
        "referent_id": social.uid})
    manager.call("rsa.orientation", "action_decide", [orientation_id])
    liaison_id = social.call("cer.liaison", "create", {
        "notebook_id": notebook_id, "request_support": True,
        "support_request": "Quelles aides pour la garde d'enfant ?"})
    fiche = social.call("cer.liaison", "read", [liaison_id], [
        "beneficiary_phone", "beneficiary_mobile", "beneficiary_email"])[0]
    assert not (fiche["beneficiary_phone"] or fiche["beneficiary_mobile"]
                or fiche["beneficiary_email"]), fiche

    browser_login(page, wait_idle, LOGIN)
    page.goto("/web#id=%d&model=cer.liaison&view_type=form" % liaison_id)
    form = page.locator(".o_form_view")
    expect(form.locator(".o_field_widget[name=support_request]")).to_be_visible()
    wait_idle()
    shot(page, artifacts, 8, "fiche-de-liaison")
    contacts = form.locator(".o_field_phone:visible, .o_field_email:visible")
    for index in range(contacts.count()):
        assert contacts.nth(index).inner_text().strip().lower() != "false"
    shown_false = form.get_by_text(re.compile(r"^\s*false\s*$", re.I))
    assert not [index for index in range(shown_false.count())
                if shown_false.nth(index).is_visible()]

    report_html = page.request.get("/report/html/cer_contracts.report_cer_liaison/%d"
                                   % liaison_id)
    assert report_html.ok, report_html.status
    body = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", report_html.text())).split())
    assert vals["lastname"] in body
    assert not re.search(r"\b(false|False|None)\b", body), body[:3000]
    assert not js_errors, "JavaScript errors:\n" + "\n".join(js_errors)
