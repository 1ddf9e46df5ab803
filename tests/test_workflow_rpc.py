"""Workflow fields over XML-RPC, against the real server (issue "Workflow
fields are writable"): the demo référent (referent.social) and the demo
correspondant (correspondant, territories Arrageois and Lens-Liévin) may
write a contract and a fiche de liaison of a carnet of the Arrageois, but
neither may write their state or decision directly, at creation or later,
nor through a context default: only the buttons change them, after checking
who may. The buttons still work for them."""
import datetime
import xmlrpc.client

import pytest

from e2e_helpers import agree_ede, create_carnet, create_territory_carnet, fault_message

# The guide's orientations and contracts: a département still on the guide.
pytestmark = pytest.mark.usefixtures("guide_regime")
TODAY = datetime.date.today().isoformat()


@pytest.fixture(scope="module")
def records(manager, social, correspondant):
    """A carnet of the Arrageois followed by referent.social, a solidarity
    orientation (the demo correspondant designated), a submitted contract
    and a fiche de liaison sent to the correspondant."""
    notebook_id = create_territory_carnet(manager, social.uid)
    orientation_id = manager.call("rsa.orientation", "create", {
        "notebook_id": notebook_id, "orientation_type": "solidarity",
        "referent_id": social.uid, "correspondant_id": correspondant.uid})
    manager.call("rsa.orientation", "action_decide", [orientation_id])
    contract_id = social.call("cer.contract", "create", {
        "notebook_id": notebook_id, "objectives": "Lever les freins",
        "beneficiary_signed_date": TODAY, "referent_signed_date": TODAY,
        "reciprocity_answer": "accepted"})
    social.call("cer.pap.line", "create", {
        "contract_id": contract_id, "action_code": "A.1.1", "date_start": TODAY,
        "date_deadline": TODAY})
    agree_ede(social, notebook_id)
    assert social.call("cer.contract", "action_sign", [contract_id]) is True
    assert social.call("cer.contract", "action_submit", [contract_id]) is True
    liaison_id = social.call("cer.liaison", "create", {
        "notebook_id": notebook_id, "request_support": True,
        "support_request": "Quelles aides pour la garde d'enfant ?",
        "referent_signed_date": TODAY})
    assert social.call("cer.liaison", "action_send", [liaison_id]) is True
    return {"notebook_id": notebook_id, "contract_id": contract_id,
            "liaison_id": liaison_id}


def _refused(rpc, model, method, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as caught:
        rpc.call(model, method, *args, **kwargs)
    kind, _message = fault_message(caught.value)
    return kind


def _state(rpc, model, record_id):
    return rpc.call(model, "read", [record_id], ["state", "decision"])[0]


@pytest.mark.parametrize("login", ["referent.social", "correspondant"])
def test_contract_state_and_decision_are_not_writable(connect, records, login):
    rpc = connect(login)
    contract_id = records["contract_id"]
    # the user may write the contract…
    assert rpc.call("cer.contract", "write", [contract_id],
                    {"next_appointments": "Le 12 à 10 h."}) is True
    # …but not its workflow fields
    for values in ({"state": "running"}, {"decision": "validated"},
                   {"state": "draft"}, {"date_start": "2020-01-01"}):
        assert _refused(rpc, "cer.contract", "write", [contract_id], values) == "AccessError"
    assert _state(rpc, "cer.contract", contract_id) == {
        "id": contract_id, "state": "submitted", "decision": False}


@pytest.mark.parametrize("login", ["referent.social", "correspondant"])
def test_fiche_state_and_decision_are_not_writable(connect, records, login):
    rpc = connect(login)
    liaison_id = records["liaison_id"]
    for values in ({"state": "closed"}, {"decision": "granted"},
                   {"correspondant_opinion": "favourable"}):
        assert _refused(rpc, "cer.liaison", "write", [liaison_id], values) == "AccessError"
    assert _state(rpc, "cer.liaison", liaison_id) == {
        "id": liaison_id, "state": "sent", "decision": False}


def test_no_contract_created_in_force(manager, social, records):
    """Neither by its values nor by a context default."""
    assert _refused(social, "cer.contract", "create", {
        "notebook_id": records["notebook_id"], "state": "running"}) == "AccessError"
    notebook_id, _, _ = create_carnet(manager, social.uid)
    orientation_id = manager.call("rsa.orientation", "create", {
        "notebook_id": notebook_id, "orientation_type": "solidarity",
        "referent_id": social.uid})
    manager.call("rsa.orientation", "action_decide", [orientation_id])
    contract_id = social.call(
        "cer.contract", "create", {"notebook_id": notebook_id, "objectives": "Contexte"},
        context={"default_state": "running", "default_decision": "validated"})
    assert _state(social, "cer.contract", contract_id) == {
        "id": contract_id, "state": "draft", "decision": False}


def test_referent_cannot_decide_but_correspondant_can(social, correspondant, records):
    contract_id = records["contract_id"]
    assert _refused(social, "cer.contract", "action_validate", [contract_id]) == "AccessError"
    assert correspondant.call("cer.contract", "action_validate", [contract_id]) is True
    assert _state(social, "cer.contract", contract_id)["state"] == "running"
    liaison_id = records["liaison_id"]
    correspondant.call("cer.liaison", "write", [liaison_id],
                       {"correspondant_comment": "Voir le relais assistantes maternelles."})
    assert _refused(social, "cer.liaison", "action_answer", [liaison_id]) == "AccessError"
    assert correspondant.call("cer.liaison", "action_answer", [liaison_id]) is True
    assert _state(social, "cer.liaison", liaison_id)["state"] == "closed"
