"""The beneficiary's portal on a phone, in headless Chromium (issue 5).

Émilie Rousseau (demo portal account "beneficiaire") logs in on a
phone-sized screen, opens "Mon carnet de bord" (/my/carnet), and in "Qui
voit quoi" stops sharing her health details with Sophie Martin, the
accompagnateur of her carnet. Over XML-RPC, Sophie Martin then finds no
health record of that carnet any more (and reading one by id is refused),
while the référent Claire Dubois still reads it. The journey first shares
health with Sophie Martin, so that it starts from the same state each run.
"""
import re
import xmlrpc.client

import pytest
from playwright.sync_api import expect

from e2e_helpers import label, portal_login

from conftest import PHONE

SAVED = re.compile("Votre modification est enregistrée|Your change is saved")


def shot(page, artifacts, number, name):
    page.screenshot(path=str(artifacts / ("portal-%d-%s.png" % (number, name))), full_page=True)


def member_card(page, name):
    """The card of a member in "Qui voit quoi"."""
    return page.locator("#sharing .o_cdb_share_card").filter(
        has=page.locator("legend", has_text=name))


def save_sharing(page, member_name, health):
    """Tick or untick "Santé" on the member's card, save, wait for the
    confirmation."""
    card = member_card(page, member_name)
    expect(card).to_have_count(1)
    expect(card.locator("label").filter(has_text="Santé")).to_be_visible()
    card.locator("input[type=checkbox][name=share_health]").set_checked(health)
    card.locator("button[type=submit]").click()
    expect(member_card(page, member_name).locator("[role=status]")).to_contain_text(SAVED)
    expect(member_card(page, member_name).locator(
        "input[type=checkbox][name=share_health]")).to_be_checked(checked=health)


def health_count(rpc, notebook_id):
    return rpc.call("cdb.health", "search_count", [("notebook_id", "=", notebook_id)])


def test_beneficiary_hides_health_from_accompagnateur(phone, artifacts, connect):
    beneficiary = connect("beneficiaire")
    accompagnateur = connect("accompagnateur")
    referent = connect("referent.social")
    [notebook_id] = beneficiary.call("cdb.notebook", "search", [])
    [health_id] = referent.call("cdb.health", "search", [("notebook_id", "=", notebook_id)],
                                limit=1)

    portal_login(phone, "beneficiaire")
    phone.goto("/my/carnet")
    expect(phone.locator("h1")).to_have_text(
        label("Mon carnet de bord", "My carnet de bord"))
    # One column on a phone: nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(phone, artifacts, 1, "carnet")

    sharing = phone.locator("#sharing")
    sharing.scroll_into_view_if_needed()
    save_sharing(phone, "Sophie Martin", True)
    assert health_count(accompagnateur, notebook_id) == 1
    shot(phone, artifacts, 2, "health-shared")

    save_sharing(phone, "Sophie Martin", False)
    phone.locator("#sharing").scroll_into_view_if_needed()
    shot(phone, artifacts, 3, "health-hidden")

    assert health_count(accompagnateur, notebook_id) == 0
    with pytest.raises(xmlrpc.client.Fault):
        accompagnateur.call("cdb.health", "read", [health_id], ["description"])
    assert health_count(referent, notebook_id) == 1
    # The rest of the carnet stays shared with her.
    assert accompagnateur.call("cdb.situation", "search_count",
                               [("notebook_id", "=", notebook_id)]) >= 1


def test_beneficiary_validates_a_review(phone, artifacts, connect):
    """Seed 000, "Suivi": "Par qui ? L'allocataire RSA et son référent". The
    référent writes and validates a review (over XML-RPC); Émilie reads it in
    "Mes bilans" and validates it with her own words; the carnet's last
    review is then that review."""
    beneficiary = connect("beneficiaire")
    referent = connect("referent.social")
    [notebook_id] = beneficiary.call("cdb.notebook", "search", [])
    action = referent.call("cdb.notebook", "action_new_review", [notebook_id])
    review_id = action["res_id"]
    referent.call("cdb.review", "write", [review_id], {
        "results": "Deux entretiens d'embauche obtenus.", "progression": "progress"})
    assert referent.call("cdb.review", "action_validate", [review_id]) is True
    [review] = referent.call("cdb.review", "read", [review_id], ["state", "date"])
    assert review["state"] == "submitted"
    review_date = review["date"]

    portal_login(phone, "beneficiaire")
    phone.goto("/my/carnet#reviews")
    card = phone.locator(".o_cdb_review[data-review-id='%d']" % review_id)
    expect(card).to_contain_text("Deux entretiens d'embauche obtenus.")
    card.get_by_label(label("Ce que je pense de ce bilan (facultatif)",
                            "What I think of this review (optional)")).fill(
        "C'est juste, je continue.")
    shot(phone, artifacts, 4, "review")
    card.locator("button[type=submit]").click()
    status = phone.locator(".o_cdb_review[data-review-id='%d'] [role=status]" % review_id)
    expect(status).to_contain_text(SAVED)
    expect(status.locator(".o_cdb_sent")).to_have_text("C'est juste, je continue.")
    expect(phone.locator(".o_cdb_review[data-review-id='%d'] form" % review_id)).to_have_count(0)
    shot(phone, artifacts, 5, "review-validated")

    [review] = referent.call("cdb.review", "read", [review_id],
                             ["state", "beneficiary_validation_channel", "beneficiary_opinion"])
    assert (review["state"], review["beneficiary_validation_channel"]) == ("validated", "portal")
    assert "C'est juste, je continue." in review["beneficiary_opinion"]
    [notebook] = referent.call("cdb.notebook", "read", [notebook_id], ["last_review_date"])
    assert notebook["last_review_date"] >= review_date
