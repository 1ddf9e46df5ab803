"""The département manager, who is not a member of a carnet, opens it from
the list of all carnets in headless Chromium: instead of an error, the
"Motif de consultation" dialog asks why; once the reason is typed, the
carnet opens, and the journal of accesses holds one line with who, when and
why (issue "Audit and data protection"). Opening it again the same day does
not ask again.
"""
from playwright.sync_api import expect

from e2e_helpers import browser_login, create_carnet, label, open_menu, search_for

LOGIN = "manager"
REASON = "Préparation de l'équipe pluridisciplinaire"


def shot(page, artifacts, number, name):
    page.screenshot(path=str(artifacts / ("audit-%d-%s.png" % (number, name))), full_page=True)


def open_from_list(page, wait_idle, lastname):
    rows = page.locator(".o_list_view .o_data_row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(lastname)
    rows.first.locator("td.o_data_cell").first.click()
    wait_idle()


def test_manager_gives_a_reason_to_open_a_carnet(page, wait_idle, js_errors, artifacts,
                                                 social, manager):
    notebook_id, _, vals = create_carnet(manager, social.uid, firstname="Maëlle")
    lastname = vals["lastname"]
    manager.call("cdb.situation", "create", {"notebook_id": notebook_id,
                                             "housing": "Hébergée chez sa sœur"})
    logs = [("notebook_id", "=", notebook_id)]
    assert manager.call("cdb.access.log", "search_count", logs) == 0

    browser_login(page, wait_idle, LOGIN)
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_root", "Carnet de bord")
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_notebook_all",
              "Carnets de bord")
    search_for(page, wait_idle, lastname)
    open_from_list(page, wait_idle, lastname)

    # Not an error dialog: the "Motif de consultation" dialog of this carnet.
    dialog = page.locator(".modal-dialog")
    expect(dialog).to_have_count(1)
    expect(dialog.locator(".modal-title")).to_have_text(
        label("Motif de consultation", "Reason for the consultation"))
    expect(dialog.locator(".o_field_widget[name=notebook_id]")).to_contain_text(lastname)
    shot(page, artifacts, 1, "reason-dialog")
    dialog.locator(".o_field_widget[name=reason]").fill(REASON)
    dialog.locator("button[name=action_confirm]").click()
    wait_idle()

    # The carnet opens, with its content.
    form = page.locator(".o_form_view")
    expect(page.locator(".modal-dialog")).to_have_count(0)
    expect(form.locator(".oe_title h1")).to_contain_text(lastname)
    expect(form).to_contain_text("Hébergée chez sa sœur")
    shot(page, artifacts, 2, "carnet-open")

    line = manager.call("cdb.access.log", "search_read", logs, ["user_id", "reason", "date"])
    assert len(line) == 1
    assert line[0]["user_id"][0] == manager.uid
    assert line[0]["reason"] == REASON
    assert line[0]["date"]
    # The référent sees the consultation on the carnet.
    assert social.call("cdb.notebook", "read", [notebook_id],
                       ["access_log_count"])[0]["access_log_count"] == 1

    # Back to the list and again: the reason stands for the day.
    page.locator(".o_control_panel .breadcrumb li a").first.click()
    wait_idle()
    open_from_list(page, wait_idle, lastname)
    expect(page.locator(".modal-dialog")).to_have_count(0)
    expect(form.locator(".oe_title h1")).to_contain_text(lastname)
    # The web client logs every server refusal it receives; the only one
    # here is the expected request for a reason.
    assert [e for e in js_errors if "CdbAccessReasonRequired" not in e] == []
