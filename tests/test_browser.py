"""A référent's journey in the web client, in headless Chromium.

referent.social logs in, opens "Carnet de bord" > "Mes bénéficiaires",
finds a beneficiary, opens the carnet, adds a codified action to the plan
with an échéance, saves, and finds the action and its history. Labels are
matched in French or English: the translations may not be there yet.
"""
import datetime
import re

from playwright.sync_api import expect

from e2e_helpers import (browser_login, create_carnet, label, open_menu, search_for,
                         user_date_format)

LOGIN = "referent.social"
ACTION_CODE = "G.2.3"


def shot(page, artifacts, name):
    page.screenshot(path=str(artifacts / ("journey-%s.png" % name)), full_page=True)


def test_referent_adds_an_action_to_the_plan(page, wait_idle, js_errors, artifacts, social,
                                             manager):
    notebook_id, _, vals = create_carnet(manager, social.uid, firstname="Lucie")
    lastname = vals["lastname"]
    deadline = datetime.date.today() + datetime.timedelta(days=61)
    assert social.call("cdb.action", "search_count", [("notebook_id", "=", notebook_id)]) == 0

    # Log in as the référent.
    browser_login(page, wait_idle, LOGIN)
    expect(page.locator(".oe_topbar_name")).to_contain_text("Claire Dubois")
    shot(page, artifacts, "0-home")

    # "Carnet de bord" > "Mes bénéficiaires": the kanban of my carnets.
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_root", "Carnet de bord")
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_notebook_mine",
              "Mes bénéficiaires", "My beneficiaries")
    expect(page.locator(".o_control_panel .breadcrumb")).to_contain_text(
        re.compile("Mes bénéficiaires|My beneficiaries"))
    cards = page.locator(".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)")
    expect(cards.first).to_be_visible()
    shot(page, artifacts, "1-kanban")

    # Find the beneficiary with the search view.
    search_for(page, wait_idle, lastname)
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(lastname)
    expect(cards.first).to_contain_text("Claire Dubois")
    shot(page, artifacts, "2-search")

    # Open the carnet.
    cards.first.click()
    form = page.locator(".o_form_view")
    expect(form.locator(".oe_title h1")).to_contain_text(lastname)
    wait_idle()

    # Section "Plan d'action et rendez-vous", edit, add an action.
    page.locator(".o_notebook .nav-tabs a").filter(
        has_text=label("Plan d'action et rendez-vous", "Action plan and appointments")).click()
    plan = form.locator('.o_field_one2many[name="action_ids"]')
    expect(plan).to_be_visible()
    expect(plan.locator(".o_data_row")).to_have_count(0)
    page.locator(".o_form_button_edit").click()
    expect(page.locator(".o_form_view.o_form_editable")).to_be_visible()
    plan.locator(".o_field_x2many_list_row_add a").click()

    dialog = page.locator(".modal-dialog").filter(has=page.locator(".o_form_view"))
    expect(dialog).to_be_visible()
    code_input = dialog.locator('.o_field_many2one[name="action_code_id"] input')
    code_input.fill(ACTION_CODE)
    choice = page.locator(".ui-autocomplete:visible li a").filter(
        has_text=re.compile(r"^\s*%s " % re.escape(ACTION_CODE)))
    expect(choice).to_have_count(1)
    choice.click()
    expect(code_input).to_have_value(re.compile(r"^%s " % re.escape(ACTION_CODE)))

    deadline_input = dialog.locator('[name="date_deadline"] input, input[name="date_deadline"]')
    deadline_text = deadline.strftime(user_date_format(social))
    deadline_input.first.fill(deadline_text)
    deadline_input.first.press("Tab")
    expect(deadline_input.first).to_have_value(deadline_text)
    shot(page, artifacts, "3-action-dialog")
    dialog.locator(".modal-footer .btn-primary").first.click()
    expect(dialog).to_have_count(0)

    row = plan.locator(".o_data_row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(ACTION_CODE)
    expect(row).to_contain_text(deadline_text)

    # Save the carnet.
    page.locator(".o_form_button_save").click()
    expect(page.locator(".o_form_view.o_form_readonly")).to_be_visible()
    wait_idle()
    expect(plan.locator(".o_data_row")).to_have_count(1)
    expect(plan.locator(".o_data_row")).to_contain_text(ACTION_CODE)
    shot(page, artifacts, "4-carnet-saved")

    # The action's own page: its history shows who created it.
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_actions", "Actions")
    search_for(page, wait_idle, lastname)
    lines = page.locator(".o_list_view .o_data_row")
    expect(lines).to_have_count(1)
    expect(lines.first).to_contain_text(ACTION_CODE)
    lines.first.click()
    expect(page.locator(".o_form_view .o_field_widget[name=action_code_id]")).to_contain_text(
        ACTION_CODE)
    history = page.locator(".o_mail_thread .o_thread_message")
    created = history.filter(has_text=re.compile("créé|created", re.I))
    expect(created).to_have_count(1)
    expect(created).to_contain_text("Claire Dubois")
    tracked = history.filter(has=page.locator(".o_mail_thread_message_tracking"))
    expect(tracked.first).to_contain_text(ACTION_CODE)
    expect(tracked.first).to_contain_text("Claire Dubois")
    shot(page, artifacts, "5-action-history")

    # The server has it, created by the référent.
    actions = social.call("cdb.action", "search_read", [("notebook_id", "=", notebook_id)],
                          fields=["action_code_id", "date_deadline", "state", "create_uid"])
    assert len(actions) == 1, actions
    assert actions[0]["action_code_id"][1].startswith(ACTION_CODE + " ")
    assert actions[0]["date_deadline"] == deadline.isoformat()
    assert actions[0]["state"] == "planned"
    assert actions[0]["create_uid"][0] == social.uid
    message_ids = social.call("mail.message", "search", [
        ("model", "=", "cdb.action"), ("res_id", "=", actions[0]["id"])])
    assert message_ids, "no message in the history of the action"
    messages = social.call("mail.message", "message_format", message_ids)
    partner = social.call("res.users", "read", [social.uid], ["partner_id"])[0]["partner_id"]
    assert {m["author_id"][0] for m in messages} == {partner[0]}
    tracked = [t["new_value"] for m in messages for t in m["tracking_value_ids"]]
    assert any(str(value).startswith(ACTION_CODE + " ") for value in tracked), tracked

    assert not js_errors, "JavaScript errors during the journey:\n" + "\n".join(js_errors)
