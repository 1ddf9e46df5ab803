"""A delegate of the President orients a new beneficiary under the law on the
national criteria and notifies the decision, in headless Chromium.

The manager creates a beneficiary of the Arrageois subject to rights and
duties for 50 days (CAF flux) with a carnet followed by referent.social: past
the 6-week delay (décret n° 2024-1244), the carnet is in the list
"Orientations en retard (6 semaines)". The demo correspondant (delegate for
the Arrageois) opens it from that list (giving the reason of the reading:
not a member), section "Parcours et contrat", "Nouvelle
orientation": types the national criteria (arrêté du 21 novembre 2024:
long-term unemployed, no qualification, cannot project themselves, a strong
housing barrier): the form proposes the social parcours; chooses the social
parcours and an organisme référent offering it, saves, decides, notifies.
Checked over XML-RPC: decided, notified today, contract due one month later,
the carnet no longer overdue.
"""
import datetime
import re

from playwright.sync_api import expect

from e2e_helpers import browser_login, create_carnet, label, open_menu, open_tab, search_for

LOGIN = "correspondant"


def shot(page, artifacts, number, name):
    page.screenshot(path=str(artifacts / ("parcours-%d-%s.png" % (number, name))),
                    full_page=True)


def choose(page, form, field, text):
    """Type ``text`` in the many2one ``field`` and click its exact proposal."""
    field_input = form.locator(".o_field_many2one[name=%s] input" % field)
    field_input.fill(text)
    choice = page.locator(".ui-autocomplete:visible li a").filter(
        has_text=re.compile(r"^\s*%s\s*$" % re.escape(text)))
    expect(choice).to_have_count(1)
    choice.click()
    expect(field_input).to_have_value(text)


def select(form, field, value):
    """Odoo 11's selection widget: the options' values are JSON strings."""
    form.locator("select[name=%s]" % field).select_option(value='"%s"' % value)


def header_button(page, *texts):
    button = page.locator(".o_form_statusbar .o_statusbar_buttons button:visible").filter(
        has_text=label(*texts))
    expect(button).to_have_count(1)
    return button


def test_delegate_orients_on_the_national_criteria(page, wait_idle, js_errors, artifacts,
                                                   manager, social, connect):
    correspondant = connect(LOGIN)
    start = (datetime.date.today() - datetime.timedelta(days=50)).isoformat()
    notebook_id, _partner_id, vals = create_carnet(
        manager, social.uid, firstname="Sacha", rsa_entry_date=start,
        rsa_flux_rights_duties="subject", rsa_flux_rights_duties_date=start)
    lastname = vals["lastname"]
    territory_ids = manager.call("cdb.territory", "search", [("name", "ilike", "Arrageois")])
    manager.call("cdb.notebook", "write", [notebook_id], {"territory_id": territory_ids[0]})
    assert correspondant.call("cdb.notebook", "search", [
        ("id", "=", notebook_id), ("orientation_overdue", "=", True)]) == [notebook_id]
    social_parcours, = manager.call("rsa.parcours", "search_read", [("code", "=", "social")],
                                    fields=["name"])
    organism, = manager.call("res.partner", "search_read", [
        ("cdb_is_organisme_referent", "=", True),
        ("cdb_parcours_ids", "in", [social_parcours["id"]])], fields=["name"], limit=1)

    browser_login(page, wait_idle, LOGIN)
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_root", "Carnet de bord")
    open_menu(page, wait_idle, "rsa_parcours.menu_cdb_notebook_orientation_overdue",
              "Orientations en retard (6 semaines)", "Orientations overdue (6 weeks)")
    search_for(page, wait_idle, lastname)
    rows = page.locator(".o_list_view .o_data_row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(lastname)
    shot(page, artifacts, 1, "overdue-list")
    rows.first.click()
    wait_idle()
    # The delegate is not a member of the carnet: the reason of the reading.
    dialog = page.locator(".modal-dialog")
    expect(dialog.locator(".modal-title")).to_have_text(
        label("Motif de consultation", "Reason for the consultation"))
    dialog.locator(".o_field_widget[name=reason]").fill("Orientation à décider (délai dépassé)")
    dialog.locator("button[name=action_confirm]").click()
    wait_idle()
    form = page.locator(".o_form_view")
    expect(form.locator(".oe_title h1")).to_contain_text(lastname)

    pane = open_tab(page, "Parcours et contrat", "Path and contract")
    new = pane.locator("button[name=action_new_orientation]")
    expect(new).to_have_text(label("Nouvelle orientation", "New orientation"))
    new.click()
    wait_idle()
    form = page.locator(".o_form_view.o_form_editable")
    expect(form).to_be_visible()
    open_tab(page, "Critères nationaux", "National criteria")
    select(form, "criteria_employment_situation", "long_term")
    select(form, "criteria_qualification", "none")
    select(form, "criteria_projection", "no")
    select(form, "criteria_housing_impact", "strong")
    wait_idle()
    expect(form.locator(".o_field_widget[name=proposed_parcours_id]")).to_contain_text(
        social_parcours["name"])
    shot(page, artifacts, 2, "criteria")
    choose(page, form, "parcours_id", social_parcours["name"])
    wait_idle()
    choose(page, form, "organism_id", organism["name"])
    wait_idle()
    page.locator(".o_form_button_save").click()
    expect(page.locator(".o_form_view.o_form_readonly")).to_be_visible()
    wait_idle()
    shot(page, artifacts, 3, "saved")

    header_button(page, "Décider", "Decide").click()
    # The decision is confirmed ("par délégation du Président").
    confirm = page.locator(".modal-dialog").filter(has_text=re.compile("Président"))
    expect(confirm).to_be_visible()
    confirm.locator(".modal-footer button.btn-primary").click()
    wait_idle()
    status = page.locator(".o_form_statusbar .o_statusbar_status button.btn-primary")
    expect(status).to_have_attribute("data-value", "decided")
    header_button(page, "Notifier", "Notify").click()
    wait_idle()
    expect(page.locator(".o_form_statusbar .o_statusbar_buttons button:visible").filter(
        has_text=label("Notifier", "Notify"))).to_have_count(0)
    expect(page.locator(".o_field_widget[name=notification_date]")).to_have_text(
        re.compile(r"\d"))
    shot(page, artifacts, 4, "notified")

    orientation, = correspondant.call("rsa.orientation", "search_read", [
        ("notebook_id", "=", notebook_id)], fields=[
        "state", "parcours_id", "organism_id", "notification_date", "law_contract_due_date",
        "proposed_parcours_id", "regime"])
    assert orientation["state"] == "decided"
    assert orientation["regime"] == "law"
    assert orientation["parcours_id"][0] == social_parcours["id"]
    assert orientation["proposed_parcours_id"][0] == social_parcours["id"]
    assert orientation["organism_id"][0] == organism["id"]
    assert orientation["notification_date"] == datetime.date.today().isoformat()
    assert orientation["law_contract_due_date"] > orientation["notification_date"]
    assert correspondant.call("cdb.notebook", "search", [
        ("id", "=", notebook_id), ("orientation_overdue", "=", True)]) == []
    # (the reason of the reading is asked through the server's refusal)
    assert [e for e in js_errors if "CdbAccessReasonRequired" not in e] == []
