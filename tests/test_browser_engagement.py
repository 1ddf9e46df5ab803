"""The law in force in the browser (rsa_engagement): a référent signs a
contrat d'engagement with 15 hours a week; a failure goes through the
invitation to present observations to a 30 % suspension decided by a
delegate (the correspondant), then the remobilisation and its notice to
the CAF/MSA. And over XML-RPC: a référent cannot write the suspension's
rate or stage, nor decide it.

The manager creates the carnet (Arrageois) and decides an orientation in
the social parcours today (after the date of the new regime), with its
organisme référent; referent.social draws up the contract over XML-RPC (two
actions of 10 and 5 hours a week) and records the failure; the rest happens
in headless Chromium.
"""
import datetime
import re
import xmlrpc.client

import pytest
from playwright.sync_api import expect

from e2e_helpers import browser_login, create_territory_carnet, fault_message, label, open_tab

TODAY = datetime.date.today().isoformat()


def _carnet(manager, social, correspondant):
    notebook_id = create_territory_carnet(manager, social.uid, firstname="Inès")
    # under the law the decision designates the parcours and its organisme
    # référent (the demo département offers the social parcours)
    parcours = manager.call("rsa.parcours", "search", [("code", "=", "social")])
    organism = manager.call("res.partner", "search", [
        ("cdb_is_organisme_referent", "=", True), ("cdb_parcours_ids", "in", parcours)],
        limit=1)
    assert parcours and organism, "the social parcours and a demo organism offering it"
    orientation_id = manager.call("rsa.orientation", "create", {
        "notebook_id": notebook_id, "parcours_id": parcours[0], "organism_id": organism[0],
        "referent_id": social.uid, "correspondant_id": correspondant.uid})
    manager.call("rsa.orientation", "action_decide", [orientation_id])
    return notebook_id


def _engagement(social, notebook_id):
    contract_id = social.call("cer.contract", "create", {
        "notebook_id": notebook_id, "contract_type": "engagement",
        "objectives": "Reprendre une activité régulière.",
        "beneficiary_signed_date": TODAY, "referent_signed_date": TODAY,
        "reciprocity_answer": "declined"})
    for code, hours in (("A.1.1", 10), ("G.2.3", 5)):
        social.call("cer.pap.line", "create", {
            "contract_id": contract_id, "action_code": code, "date_start": TODAY,
            "date_deadline": TODAY, "planned_weekly_hours": hours})
    return contract_id


def _manquement(social, notebook_id, contract_id):
    return social.call("rsa.manquement", "create", {
        "notebook_id": notebook_id, "contract_id": contract_id, "kind": "absence",
        "facts": "Absente à l'atelier collectif du lundi sans prévenir."})


def _read(rpc, model, record_id, names):
    return rpc.call(model, "read", [record_id], names)[0]


def _open(page, wait_idle, model, record_id):
    page.goto("/web#id=%d&model=%s&view_type=form" % (record_id, model))
    expect(page.locator(".o_form_view")).to_be_visible()
    wait_idle()


def _click(page, wait_idle, *texts):
    button = page.locator(".o_form_statusbar .o_statusbar_buttons button:visible").filter(
        has_text=label(*texts))
    expect(button).to_have_count(1)
    button.click()
    wait_idle()


def _dialog_confirm(page, wait_idle, *texts):
    dialog = page.locator(".modal-dialog:visible")
    expect(dialog).to_be_visible()
    dialog.locator(".modal-footer button").filter(has_text=label(*texts)).click()
    wait_idle()
    expect(page.locator(".modal-dialog:visible")).to_have_count(0)


def _expect_state(page, value):
    status = page.locator(".o_form_statusbar .o_statusbar_status button.btn-primary")
    expect(status).to_have_attribute("data-value", value)


def test_engagement_failure_suspension_remobilisation(
        page, wait_idle, js_errors, artifacts, manager, social, correspondant):
    notebook_id = _carnet(manager, social, correspondant)
    contract_id = _engagement(social, notebook_id)

    # The référent signs the contrat d'engagement: 15 hours planned for 15.
    browser_login(page, wait_idle, "referent.social")
    _open(page, wait_idle, "cer.contract", contract_id)
    pane = open_tab(page, "Activité hebdomadaire", "Weekly activity")
    hours = re.compile(r"^\s*15[.,]0\s*$")
    expect(pane.locator(".o_field_widget[name=weekly_hours_target]")).to_have_text(hours)
    expect(pane.locator(".o_field_widget[name=planned_weekly_hours]")).to_have_text(hours)
    page.screenshot(path=str(artifacts / "engagement-1-hours.png"), full_page=True)
    # "Signer…": the dialog shows the dates and the answer recorded; signed.
    _click(page, wait_idle, "Signer…", "Sign…")
    dialog = page.locator(".modal-dialog").filter(has=page.locator(".o_cer_sign_confirm"))
    expect(dialog).to_be_visible()
    dialog.locator(".o_cer_sign_confirm").click()
    wait_idle()
    _expect_state(page, "signed")
    contract = _read(social, "cer.contract", contract_id,
                     ["state", "contract_type", "organisme_id", "weekly_hours_target"])
    assert (contract["state"], contract["contract_type"], contract["weekly_hours_target"]) == (
        "signed", "engagement", 15.0)
    assert contract["organisme_id"], "signed with the organisme référent"
    social.call("cer.contract", "action_submit", [contract_id])
    correspondant.call("cer.contract", "action_validate", [contract_id])

    # A failure: the référent invites the person and records the answer.
    manquement_id = _manquement(social, notebook_id, contract_id)
    _open(page, wait_idle, "rsa.manquement", manquement_id)
    _click(page, wait_idle, "Inviter à présenter ses observations",
           "Invite to present observations")
    _expect_state(page, "invited")
    page.locator(".o_form_button_edit").click()
    page.locator(".o_field_widget[name=observations]").fill(
        "Mon enfant était malade, je n'ai pas pu prévenir.")
    _click(page, wait_idle, "Enregistrer les observations", "Record the observations")
    _expect_state(page, "observed")
    page.screenshot(path=str(artifacts / "engagement-2-observations.png"), full_page=True)
    # the référent does not decide
    assert _read(social, "rsa.manquement", manquement_id, ["state"])["state"] == "observed"

    # The delegate decides a 30 % suspension for one month.
    browser_login(page, wait_idle, "correspondant")
    _open(page, wait_idle, "rsa.manquement", manquement_id)
    _click(page, wait_idle, "Décider", "Decide")
    dialog = page.locator(".modal-dialog:visible")
    expect(dialog.locator(".o_field_widget[name=rate]")).to_have_value("30")
    expect(dialog.locator(".o_field_widget[name=months]")).to_have_value("1")
    dialog.locator(".o_field_widget[name=motive]").fill(
        "Absence sans prévenir ; l'enfant malade n'empêchait pas d'avertir.")
    page.screenshot(path=str(artifacts / "engagement-3-decision.png"), full_page=True)
    _dialog_confirm(page, wait_idle, "Décider", "Decide")
    _expect_state(page, "suspended")
    decided = _read(correspondant, "rsa.manquement", manquement_id,
                    ["state", "decision", "rate", "months", "decision_user_id"])
    assert (decided["state"], decided["decision"], decided["rate"], decided["months"]) == (
        "suspended", "suspension", 30, 1)
    assert decided["decision_user_id"][0] == correspondant.uid

    # The person resumes the activities: the référent records the remobilisation.
    browser_login(page, wait_idle, "referent.social")
    _open(page, wait_idle, "rsa.manquement", manquement_id)
    _click(page, wait_idle, "Enregistrer la remobilisation", "Record the remobilisation")
    page.locator(".modal-dialog:visible .o_field_widget[name=amount_withheld]").fill("165,50")
    _dialog_confirm(page, wait_idle, "Enregistrer", "Record")
    _expect_state(page, "remobilised")
    page.screenshot(path=str(artifacts / "engagement-4-remobilised.png"), full_page=True)
    remobilised = _read(social, "rsa.manquement", manquement_id,
                        ["state", "remobilisation_reason", "amount_withheld"])
    assert (remobilised["state"], remobilised["remobilisation_reason"],
            remobilised["amount_withheld"]) == ("remobilised", "activities_resumed", 165.5)
    assert not js_errors, js_errors


def test_referent_cannot_write_or_decide_the_suspension(manager, social, correspondant):
    notebook_id = _carnet(manager, social, correspondant)
    contract_id = _engagement(social, notebook_id)
    manquement_id = _manquement(social, notebook_id, contract_id)
    social.call("rsa.manquement", "action_invite", [manquement_id])
    social.call("rsa.manquement", "write", [manquement_id], {"observations": "Réponse."})
    social.call("rsa.manquement", "action_record_observations", [manquement_id])
    for values in ({"rate": 30}, {"state": "suspended"}, {"decision": "suspension"},
                   {"months": 2}, {"state": "remobilised"}):
        with pytest.raises(xmlrpc.client.Fault) as caught:
            social.call("rsa.manquement", "write", [manquement_id], values)
        assert fault_message(caught.value)[0] == "AccessError"
    wizard_id = social.call("rsa.sanction.decision.wizard", "create", {
        "manquement_id": manquement_id, "decision": "suspension", "rate": 30, "months": 1,
        "motive": "Sans motif."})
    with pytest.raises(xmlrpc.client.Fault) as caught:
        social.call("rsa.sanction.decision.wizard", "action_decide", [wizard_id])
    assert fault_message(caught.value)[0] == "AccessError"
    assert _read(social, "rsa.manquement", manquement_id, ["state", "rate"]) == {
        "id": manquement_id, "state": "observed", "rate": 0}
