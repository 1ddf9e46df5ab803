"""Workflow fields of the orientation module over XML-RPC, against the real
server: the demo référent (referent.social) and the demo correspondant
(correspondant, a delegate of the President for the Arrageois) write the
state and the decision of an orientation and of an EP case directly, and
are refused whatever their role (AccessError); the same changes made by the
actions succeed for whom the policy allows (the référent proposes, the
correspondant decides) and answer True (XML-RPC cannot marshal None).
"""
import base64
import datetime

import pytest

from e2e_helpers import create_territory_carnet, refused

# The guide's orientations and contracts: a département still on the guide.
pytestmark = pytest.mark.usefixtures("guide_regime")


@pytest.fixture(scope="module")
def carnet(manager, social):
    """A carnet of the Arrageois followed by referent.social."""
    return create_territory_carnet(manager, social.uid)


def test_orientation_state_changes_through_its_decision_only(carnet, social, correspondant):
    orientation_id = social.call("rsa.orientation", "create", {
        "notebook_id": carnet, "orientation_type": "professional_ft",
        "referent_id": social.uid})
    for rpc in (social, correspondant):
        refused(rpc, "rsa.orientation", "write", [orientation_id], {"state": "decided"})
        refused(rpc, "rsa.orientation", "create", {
            "notebook_id": carnet, "referent_id": social.uid, "state": "decided"})
    # the référent proposes, the delegate decides
    refused(social, "rsa.orientation", "action_decide", [orientation_id])
    assert correspondant.call("rsa.orientation", "action_decide", [orientation_id]) is True
    for rpc in (social, correspondant):
        refused(rpc, "rsa.orientation", "write", [orientation_id], {"state": "draft"})
        refused(rpc, "rsa.orientation", "write", [orientation_id],
                {"date_decision": "2020-01-01"})
    state, = social.call("rsa.orientation", "read", [orientation_id], ["state"])
    assert state["state"] == "decided"


def test_ep_case_decision_changes_through_its_actions_only(carnet, manager, social,
                                                           correspondant):
    case_id = social.call("rsa.ep.case", "create", {
        "notebook_id": carnet, "case_type": "suspension", "suspension_reason": "breach",
        "motive": "Trois convocations sans réponse."})
    social.call("ir.attachment", "create", {
        "name": "convocations.pdf", "datas_fname": "convocations.pdf",
        "datas": base64.b64encode(b"convocations").decode(),
        "res_model": "rsa.ep.case", "res_id": case_id})
    for rpc in (social, correspondant):
        for vals in ({"state": "decided"}, {"decision": "confirmed"},
                     {"opinion": "favourable"}, {"name": "DOS-FAUX"}):
            refused(rpc, "rsa.ep.case", "write", [case_id], vals)
    assert social.call("rsa.ep.case", "action_submit", [case_id]) is True
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    session_id = manager.call("rsa.ep.session", "create", {
        "date": tomorrow + " 09:00:00", "territory": "Arrageois"})
    correspondant.call("rsa.ep.case", "write", [case_id], {
        "session_id": session_id, "opinion_motive": "Aucune réponse aux convocations."})
    refused(social, "rsa.ep.case", "action_give_opinion", [case_id], "favourable")
    assert correspondant.call("rsa.ep.case", "action_give_opinion", [case_id],
                              "favourable") is True
    refused(social, "rsa.ep.case", "action_decide", [case_id], "refused")
    for rpc in (social, correspondant):
        refused(rpc, "rsa.ep.case", "write", [case_id], {"decision": "refused"})
        refused(rpc, "rsa.ep.case", "write", [case_id], {"state": "decided"})
    assert correspondant.call("rsa.ep.case", "action_decide", [case_id], "refused") is True
    for rpc in (social, correspondant):
        refused(rpc, "rsa.ep.case", "write", [case_id], {"decision": "confirmed"})
        refused(rpc, "rsa.ep.case", "write", [case_id], {"state": "opinion"})
    case, = social.call("rsa.ep.case", "read", [case_id],
                        ["state", "opinion", "decision", "decision_user_id"])
    assert (case["state"], case["opinion"], case["decision"]) == (
        "decided", "favourable", "refused")
    assert case["decision_user_id"][0] == correspondant.uid


def test_the_referent_proposes_the_delegate_decides(carnet, social, correspondant, manager):
    """Seed 003: the référent "Peut … proposer au Conseil Général une autre
    orientation"; the decision is the President's, by his delegate (the
    correspondant of the carnet's territory), who receives the proposal as a
    task. The référent decides nothing and dates no decision."""
    orientation_id = social.call("rsa.orientation", "create", {
        "notebook_id": carnet, "orientation_type": "solidarity",
        "referent_id": social.uid})
    refused(social, "rsa.orientation", "write", [orientation_id],
            {"date_decision": "2020-01-01"})
    assert social.call("rsa.orientation", "action_propose", [orientation_id]) is True
    refused(social, "rsa.orientation", "action_decide", [orientation_id])
    refused(social, "rsa.orientation", "action_refuse", [orientation_id])
    refused(social, "rsa.orientation", "write", [orientation_id],
            {"orientation_type": "professional_ft"})
    tasks = correspondant.call("mail.activity", "search_read", [
        ("res_model", "=", "rsa.orientation"), ("res_id", "=", orientation_id),
        ("user_id", "=", correspondant.uid)], fields=["activity_type_id"])
    assert len(tasks) == 1, tasks
    assert correspondant.call("rsa.orientation", "action_decide", [orientation_id]) is True
    orientation, = manager.call("rsa.orientation", "read", [orientation_id],
                                ["state", "decision_user_id", "proposal_user_id"])
    assert orientation["state"] == "decided"
    assert orientation["decision_user_id"][0] == correspondant.uid
    assert orientation["proposal_user_id"][0] == social.uid
    assert not manager.call("mail.activity", "search_count", [
        ("res_model", "=", "rsa.orientation"), ("res_id", "=", orientation_id)])
