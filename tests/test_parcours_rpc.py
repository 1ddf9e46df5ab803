"""The orientation under the law over XML-RPC, against the real server: the
demo référent (referent.social) proposes an orientation with a parcours and
types the national criteria, but may neither decide it, nor notify it, nor
write its notification date (AccessError); the demo correspondant (a
delegate of the President for the Arrageois) decides and notifies, and the
contract is then due one month after the notification."""
import datetime

import pytest

from e2e_helpers import create_territory_carnet, refused


@pytest.fixture(scope="module")
def carnet(manager, social):
    """A carnet of the Arrageois followed by referent.social."""
    return create_territory_carnet(manager, social.uid)


def add_one_month(day):
    """The same day next month, or the month's last day (31 January → 28/29
    February), as the server's relativedelta does."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def test_referent_may_not_decide_nor_notify(carnet, manager, social, correspondant):
    social_parcours = manager.call("rsa.parcours", "search", [("code", "=", "social")])
    organism = manager.call("res.partner", "search", [
        ("cdb_is_organisme_referent", "=", True), ("cdb_parcours_ids", "in", social_parcours)],
        limit=1)
    assert social_parcours and organism, "the social parcours and a demo organism offering it"
    orientation_id = social.call("rsa.orientation", "create", {
        "notebook_id": carnet, "referent_id": social.uid,
        "parcours_id": social_parcours[0], "organism_id": organism[0],
        "criteria_employment_situation": "long_term", "criteria_qualification": "none",
        "criteria_projection": "no", "criteria_housing_impact": "strong"})
    proposal, = social.call("rsa.orientation", "read", [orientation_id],
                            ["proposed_parcours_id", "orientation_type", "regime"])
    assert proposal["proposed_parcours_id"][0] == social_parcours[0]
    assert (proposal["orientation_type"], proposal["regime"]) == ("solidarity", "law")

    refused(social, "rsa.orientation", "action_decide", [orientation_id])
    assert correspondant.call("rsa.orientation", "action_decide", [orientation_id]) is True
    refused(social, "rsa.orientation", "action_notify", [orientation_id])
    for rpc in (social, correspondant):
        refused(rpc, "rsa.orientation", "write", [orientation_id],
                {"notification_date": "2026-01-01"})
        refused(rpc, "rsa.orientation", "write", [orientation_id],
                {"criteria_projection": "yes"})
    refused(social, "rsa.orientation", "write", [orientation_id], {
        "joint_diagnostic_extension_months": 2, "joint_diagnostic_extension_reason": "health",
        "joint_diagnostic_extension_note": "Soins"})
    read, = social.call("rsa.orientation", "read", [orientation_id], ["notification_date"])
    assert read["notification_date"] is False

    assert correspondant.call("rsa.orientation", "action_notify", [orientation_id]) is True
    read, = social.call("rsa.orientation", "read", [orientation_id],
                        ["notification_date", "law_contract_due_date", "contract_deadline"])
    notified = datetime.datetime.strptime(read["notification_date"], "%Y-%m-%d").date()
    due = add_one_month(notified).isoformat()
    assert (read["law_contract_due_date"], read["contract_deadline"]) == (due, due)
