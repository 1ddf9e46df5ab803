"""The carnet de bord over XML-RPC, as the real demo users see it.

Each test creates the records it needs (unique CAF numbers and names), so
the tests do not depend on each other nor on their order.
"""
import datetime
import xmlrpc.client

import pytest

from e2e_helpers import create_beneficiary, create_carnet, fault_message, unique_lastname

FR = {"lang": "fr_FR"}
ACCESS_ERROR = 4  # odoo.service.wsgi_server.RPC_FAULT_CODE_ACCESS_ERROR


# ----------------------------------------------------------------- helpers
def expect_fault(call, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as info:
        call(*args, **kwargs)
    return info.value


def ids(records):
    return {record["id"] for record in records}


# ------------------------------------------------------ (a) my carnets only
def test_referent_sees_only_the_carnets_where_member(social, pro, manager):
    mine = social.call("cdb.notebook", "search_read", [],
                       fields=["beneficiary_id", "referent_id"])
    assert mine, "referent.social sees no carnet at all: demo data missing?"

    memberships = manager.call("cdb.notebook.member", "search_read",
                               [("user_id", "=", social.uid)], fields=["notebook_id"])
    member_of = {m["notebook_id"][0] for m in memberships}
    assert ids(mine) == member_of, (
        "referent.social must see exactly the carnets where they are an active "
        "member; extra: %s, missing: %s" % (sorted(ids(mine) - member_of),
                                            sorted(member_of - ids(mine))))
    assert social.call("cdb.notebook", "search_count", []) == len(mine)

    everything = manager.call("cdb.notebook", "search_read", [], fields=["referent_id"])
    assert len(everything) > len(mine)
    of_pro = {n["id"] for n in everything
              if n["referent_id"] and n["referent_id"][0] == pro.uid}
    assert of_pro, "the manager must see carnets whose référent is referent.pro"
    foreign = of_pro - member_of
    assert foreign, "demo data: carnets of referent.pro that referent.social does not follow"
    assert not foreign & ids(mine)


# ------------------------------------------- (b) another référent's carnet
def test_other_referent_cannot_reach_a_carnet(social, pro, manager):
    notebook_id, partner_id, vals = create_carnet(manager, social.uid)
    message_id = manager.call("cdb.notebook", "message_post", [notebook_id],
                              body="Entretien du jour : point sur le logement.",
                              message_type="comment", subtype="mail.mt_note")
    lastname = vals["lastname"]

    # The référent reaches all of it: the negative checks below are not vacuous.
    assert social.call("cdb.notebook", "read", [notebook_id], ["beneficiary_id"])
    assert notebook_id in [r[0] for r in social.call(
        "cdb.notebook", "name_search", lastname)]
    assert social.call("mail.message", "read", [message_id], ["body"])
    assert message_id in social.call("mail.message", "search", [
        ("model", "=", "cdb.notebook"), ("res_id", "=", notebook_id)])

    # referent.pro is not a member: no read by id...
    fault = expect_fault(pro.call, "cdb.notebook", "read", [notebook_id], ["beneficiary_id"])
    kind, message = fault_message(fault)
    assert fault.faultCode == ACCESS_ERROR and kind == "AccessError", fault.faultString
    assert "cdb.notebook" in message and "read" in message, message
    # ... nor by search, name_search or read_group...
    assert pro.call("cdb.notebook", "search", [("id", "=", notebook_id)]) == []
    assert pro.call("cdb.notebook", "search_count", [("beneficiary_id", "=", partner_id)]) == 0
    assert pro.call("cdb.notebook", "name_search", lastname) == []
    assert pro.call("cdb.notebook", "read_group", [("id", "=", notebook_id)],
                    ["state"], ["state"]) == []
    groups = pro.call("cdb.notebook", "read_group", [], ["referent_id"], ["referent_id"])
    manager_groups = manager.call("cdb.notebook", "read_group", [("id", "=", notebook_id)],
                                  ["referent_id"], ["referent_id"])
    assert manager_groups and manager_groups[0]["referent_id_count"] == 1
    pro_member_of = {m["notebook_id"][0] for m in manager.call(
        "cdb.notebook.member", "search_read", [("user_id", "=", pro.uid)],
        fields=["notebook_id"])}
    visible_total = sum(g["referent_id_count"] for g in groups)
    assert visible_total == len(pro_member_of), \
        "read_group counts carnets referent.pro does not follow: %s" % groups
    # ... nor its messages...
    fault = expect_fault(pro.call, "mail.message", "read", [message_id], ["body"])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert pro.call("mail.message", "search", [
        ("model", "=", "cdb.notebook"), ("res_id", "=", notebook_id)]) == []
    # ... and cannot change it.
    fault = expect_fault(pro.call, "cdb.notebook", "write", [notebook_id],
                         {"referent_id": pro.uid})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert manager.call("cdb.notebook", "read", [notebook_id],
                        ["referent_id"])[0]["referent_id"][0] == social.uid


def test_other_referent_cannot_reach_the_beneficiary(social, pro, manager):
    """Identity, CAF number and birth date stay within the carnet's members
    (base's rules give every employee every partner: ours must win)."""
    _, partner_id, vals = create_carnet(manager, social.uid)
    assert social.call("res.partner", "search", [("caf_number", "=", vals["caf_number"])]) \
        == [partner_id]
    assert pro.call("res.partner", "search", [("caf_number", "=", vals["caf_number"])]) == []
    fault = expect_fault(pro.call, "res.partner", "read", [partner_id], ["name"])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    fault = expect_fault(pro.call, "res.partner", "write", [partner_id], {"caf_number": "1234567"})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert manager.call("res.partner", "read", [partner_id],
                        ["caf_number"])[0]["caf_number"] == vals["caf_number"]


# ------------------------------------------ (c) "dites-le nous une fois"
def test_feed_once_then_the_referent_reads_it_back(social, manager):
    today = datetime.date.today()
    start = today.isoformat()
    deadline = (today + datetime.timedelta(days=90)).isoformat()
    partner_id, vals = create_beneficiary(manager, firstname="Inès", birthdate_date="1990-04-17",
                                          zip="62300", city="Lens")
    notebook_id = manager.call("cdb.notebook", "create", {
        "beneficiary_id": partner_id, "referent_id": social.uid})
    action_id = manager.call("cdb.action", "create", {
        "notebook_id": notebook_id, "action_code": "G.2.3",
        "date_start": start, "date_deadline": deadline})

    notebooks = social.call("cdb.notebook", "search_read", [("id", "=", notebook_id)], fields=[
        "beneficiary_id", "referent_id", "caf_number", "birthdate_date", "state",
        "date_start", "action_ids", "member_ids"])
    assert len(notebooks) == 1, "referent.social does not see the new carnet"
    notebook = notebooks[0]
    assert notebook["beneficiary_id"][0] == partner_id
    assert notebook["referent_id"][0] == social.uid
    assert notebook["caf_number"] == vals["caf_number"]
    assert notebook["birthdate_date"] == "1990-04-17"
    assert notebook["state"] == "in_progress"
    assert notebook["date_start"] == start
    assert notebook["action_ids"] == [action_id]

    members = social.call("cdb.notebook.member", "read", notebook["member_ids"],
                          ["user_id", "role", "active"])
    assert [(m["user_id"][0], m["role"], m["active"]) for m in members] == \
        [(social.uid, "referent", True)]

    partner = social.call("res.partner", "read", [partner_id], [
        "firstname", "lastname", "is_rsa_beneficiary", "caf_number", "zip",
        "department_code", "birthdate_date"])[0]
    assert (partner["firstname"], partner["lastname"]) == ("Inès", vals["lastname"])
    assert partner["is_rsa_beneficiary"] is True
    assert partner["caf_number"] == vals["caf_number"]
    assert partner["department_code"] == "62"

    action = social.call("cdb.action", "read", [action_id], [
        "action_code_id", "theme_id", "date_start", "date_deadline", "state", "notebook_id"])[0]
    assert action["action_code_id"][1].startswith("G.2.3 "), action["action_code_id"]
    assert action["theme_id"][1].startswith("G "), action["theme_id"]
    assert (action["date_start"], action["date_deadline"]) == (start, deadline)
    assert action["state"] == "planned"
    assert action["notebook_id"][0] == notebook_id


# -------------------------------------------------------- (d) bad input
def test_duplicate_caf_number_is_refused(manager, expected_text):
    first_id, vals = create_beneficiary(manager)
    caf = vals["caf_number"]
    first_name = manager.call("res.partner", "read", [first_id], ["name"])[0]["name"]
    domain = [("caf_number", "=", caf)]
    assert manager.call("res.partner", "search_count", domain) == 1

    fault = expect_fault(manager.call, "res.partner", "create", {
        "is_rsa_beneficiary": True, "firstname": "Jean", "lastname": unique_lastname(),
        "caf_number": caf, "zip": "62100"}, context=FR)
    kind, message = fault_message(fault)
    assert kind == "ValidationError", fault.faultString
    expected = expected_text("A beneficiary with the CAF/MSA number %s already exists: %s.")
    assert message == expected % (caf, first_name)
    assert manager.call("res.partner", "search_count", domain) == 1

    # The same number typed on an existing beneficiary is refused too.
    other_id, other = create_beneficiary(manager)
    fault = expect_fault(manager.call, "res.partner", "write", [other_id],
                         {"caf_number": caf}, context=FR)
    assert fault_message(fault)[1] == expected % (caf, first_name)
    assert manager.call("res.partner", "read", [other_id],
                        ["caf_number"])[0]["caf_number"] == other["caf_number"]


def test_action_deadline_before_start_is_refused(manager, social, expected_text):
    notebook_id, _, _ = create_carnet(manager, social.uid)
    domain = [("notebook_id", "=", notebook_id)]
    assert manager.call("cdb.action", "search_count", domain) == 0
    code = manager.call("cdb.action.code", "search_read", [("code", "=", "G.2.3")],
                        fields=["display_name"])[0]
    template = expected_text(
        "The échéance of the action \"%s\" (%s) cannot be before its start (%s).")

    fault = expect_fault(social.call, "cdb.action", "create", {
        "notebook_id": notebook_id, "action_code": "G.2.3",
        "date_start": "2026-06-10", "date_deadline": "2026-06-01"}, context=FR)
    kind, message = fault_message(fault)
    assert kind == "ValidationError", fault.faultString
    assert message == template % (code["display_name"], "01/06/2026", "10/06/2026")
    assert manager.call("cdb.action", "search_count", domain) == 0

    # Moving the échéance of an existing action before its start: same refusal.
    action_id = social.call("cdb.action", "create", {
        "notebook_id": notebook_id, "action_code": "G.2.3",
        "date_start": "2026-06-10", "date_deadline": "2026-09-30"})
    fault = expect_fault(social.call, "cdb.action", "write", [action_id],
                         {"date_deadline": "2026-05-31"}, context=FR)
    assert fault_message(fault)[1] == template % (code["display_name"], "31/05/2026",
                                                  "10/06/2026")
    assert manager.call("cdb.action", "read", [action_id],
                        ["date_deadline"])[0]["date_deadline"] == "2026-09-30"


@pytest.mark.parametrize("code", ["Z.9", "G"], ids=["unknown", "theme"])
def test_unknown_action_code_is_refused(manager, social, expected_text, code):
    notebook_id, _, _ = create_carnet(manager, social.uid)
    before = manager.call("cdb.action", "search_count", [])

    fault = expect_fault(social.call, "cdb.action", "create", {
        "notebook_id": notebook_id, "action_code": code,
        "date_start": "2026-06-01", "date_deadline": "2026-09-01"}, context=FR)
    kind, message = fault_message(fault)
    assert kind == "ValidationError", fault.faultString
    assert message == expected_text("Unknown action code: \"%s\".") % code
    assert manager.call("cdb.action", "search_count", []) == before
    assert manager.call("cdb.action", "search_count", [("notebook_id", "=", notebook_id)]) == 0


# ------------------------------------- (e) answers and contexts of a client
def test_a_method_answering_nothing_answers_false(social):
    """Odoo 11 marshals XML-RPC answers without None: a method answering
    nothing, after its transaction was committed, answered a fault although
    it had done its work. cdb_base answers False (mail.message's
    set_message_done answers nothing in Odoo 11)."""
    assert social.call("mail.message", "set_message_done", []) is False


def test_buttons_answer_over_xmlrpc(manager, social):
    """Closing asks why (a dialog, cdb.notebook.close.wizard, also over RPC);
    the buttons answer an action or True."""
    notebook_id, _, _ = create_carnet(manager, social.uid)
    action = social.call("cdb.notebook", "action_close", [notebook_id])
    assert action["res_model"] == "cdb.notebook.close.wizard"
    [reason_id] = manager.call("cdb.end.reason", "search", [("code", "=", "FIN_DROIT")])
    wizard_id = social.call("cdb.notebook.close.wizard", "create", {
        "notebook_id": notebook_id, "end_reason_id": reason_id})
    assert social.call("cdb.notebook.close.wizard", "action_confirm", [wizard_id])
    [notebook] = social.call("cdb.notebook", "read", [notebook_id], ["state", "end_reason_id"])
    assert (notebook["state"], notebook["end_reason_id"][0]) == ("closed", reason_id)
    assert social.call("cdb.notebook", "action_reopen", [notebook_id]) is True


def test_an_accompagnateur_neither_closes_nor_writes_the_state(manager, social, connect):
    """Only the référent (or a delegate) closes (seed 000: "L'accompagnateur
    remplit la partie qui le concerne"); the state is changed by the actions
    only, whoever writes it."""
    accompagnateur = connect("accompagnateur")
    notebook_id, _, _ = create_carnet(manager, social.uid)
    social.call("cdb.notebook.member", "create", {
        "notebook_id": notebook_id, "user_id": accompagnateur.uid})
    kind, _message = fault_message(expect_fault(
        accompagnateur.call, "cdb.notebook", "action_close", [notebook_id]))
    assert kind == "AccessError"
    for who in (accompagnateur, social):
        kind, _message = fault_message(expect_fault(
            who.call, "cdb.notebook", "write", [notebook_id], {"state": "closed"}))
        assert kind == "AccessError"
    assert manager.call("cdb.notebook", "read", [notebook_id], ["state"])[0]["state"] \
        == "in_progress"


def test_client_cannot_switch_the_history_off(manager, social):
    """tracking_disable sent by a client does not silence the history of a
    carnet (cdb_base/rpc.py); the membership trail neither."""
    notebook_id, _, _ = create_carnet(manager, social.uid)
    quiet = {"tracking_disable": True, "mail_notrack": True}
    social.call("cdb.notebook", "write", [notebook_id], {"date_start": "2031-01-31"},
                context=quiet)
    message_ids = manager.call("mail.message", "search", [
        ("model", "=", "cdb.notebook"), ("res_id", "=", notebook_id)])
    tracked = [value["new_value"] for message in manager.call(
        "mail.message", "message_format", message_ids)
        for value in message["tracking_value_ids"]]
    assert "2031-01-31" in tracked or "31/01/2031" in tracked, tracked
    member_id = social.call("cdb.notebook.member", "create", {
        "notebook_id": notebook_id,
        "user_id": manager.call("res.users", "search", [("login", "=", "accompagnateur")])[0]},
        context=quiet)
    assert member_id
    bodies = [m["body"] for m in manager.call("mail.message", "search_read", [
        ("model", "=", "cdb.notebook"), ("res_id", "=", notebook_id)], fields=["body"])]
    assert any("Sophie Martin" in body for body in bodies), bodies


def test_referent_is_not_taken_over(manager, social):
    """A member who may write the carnet does not make himself référent
    (issue 10): refused over XML-RPC, the référent unchanged."""
    notebook_id, _, _ = create_carnet(manager, social.uid)
    accompagnateur = manager.call("res.users", "search", [("login", "=", "accompagnateur")])[0]
    social.call("cdb.notebook.member", "create", {
        "notebook_id": notebook_id, "user_id": accompagnateur})
    fault = expect_fault(social.call, "cdb.notebook", "write", [notebook_id],
                         {"referent_id": accompagnateur})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert manager.call("cdb.notebook", "read", [notebook_id],
                        ["referent_id"])[0]["referent_id"][0] == social.uid


def test_bad_input_answered_in_french_without_asking(social, expected_text):
    """A French user gets the refusal in French even when their client sends
    no language (the demo users are French): a birth date in the future."""
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    fault = expect_fault(social.call, "res.partner", "create", {
        "is_rsa_beneficiary": True, "firstname": "Jean", "lastname": unique_lastname(),
        "birthdate_date": tomorrow.isoformat(), "zip": "62000"})
    kind, message = fault_message(fault)
    assert kind == "ValidationError", fault.faultString
    assert message == expected_text("The birth date %s is in the future.") % (
        tomorrow.strftime("%d/%m/%Y"))
