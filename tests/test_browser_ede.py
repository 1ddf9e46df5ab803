"""A référent fills an employment-distance scale (EDE) in the grid and sees
the proposed orientation, in headless Chromium.

The manager creates a beneficiary and a carnet whose référent is
referent.social. referent.social opens the carnet, section "Situation", its
employment-distance scale, "Nouvelle évaluation": the grid of the default scale (8 items,
paliers 1 to 6 worth 1, 2, 3, 5, 10 and 20 points; professional below 18,
solidarity above 35). One cross per item at palier 1 makes 8 points and
proposes a professional orientation (France Travail); then an item at a
blue palier (a real barrier) proposes the solidarity sphere whatever the
total, and the total passes 35. The
assessment is saved, agreed with the beneficiary, and checked over XML-RPC.
"""
import re

from playwright.sync_api import expect

from e2e_helpers import browser_login, create_carnet, label, open_my_carnet, open_tab

LOGIN = "referent.social"
POINTS = {1: 1, 2: 2, 3: 3, 4: 5, 5: 10, 6: 20}  # the default scale's paliers

PROPOSALS = {
    "professional": ("o_ede_professional", "Orientation professionnelle (France Travail)",
                     "Professional orientation (France Travail)"),
    "team": ("o_ede_team", "À décider par l'équipe d'orientation / EP",
             "To be decided by the orientation team / EP"),
    "solidarity": ("o_ede_solidarity", "Orientation solidarité", "Solidarity orientation"),
}


def shot(page, artifacts, number, name):
    page.screenshot(path=str(artifacts / ("ede-%d-%s.png" % (number, name))), full_page=True)


def pick(grid, wait_idle, row, palier):
    """Put the cross of item ``row`` (0-based) on palier ``palier``."""
    cell = grid.locator("tbody tr").nth(row).locator("td.o_ede_cell").nth(palier - 1)
    expect(cell).to_have_class(re.compile(r"\bo_ede_pickable\b"))
    cell.click()
    # The widget re-renders the grid with the cross on the chosen cell.
    chosen = grid.locator("tbody tr").nth(row).locator("td.o_ede_cell").nth(palier - 1)
    expect(chosen).to_have_class(re.compile(r"\bo_ede_chosen\b"))
    expect(chosen).to_have_attribute("aria-pressed", "true")
    expect(chosen.locator(".o_ede_mark")).to_have_text("✕")
    wait_idle()


def expect_summary(page, total, proposal, missing=0):
    """The summary beside the grid: the total, the one visible proposal."""
    summary = page.locator(".o_rsa_ede_summary")
    expect(summary.locator(".o_ede_total .o_field_widget[name=total_points]")).to_have_text(
        str(total))
    visible = summary.locator(".o_ede_proposal:visible")
    expect(visible).to_have_count(1)
    if proposal is None:
        expect(visible).to_have_class(re.compile(r"\bo_ede_incomplete\b"))
        expect(visible).to_contain_text(re.compile(
            r"(Pas encore de proposition|No proposal yet)\s*:?\s*%d\b" % missing))
        return
    css, french_text, english_text = PROPOSALS[proposal]
    expect(visible).to_have_class(re.compile(r"\b%s\b" % css))
    expect(visible).to_contain_text(re.compile(
        "%s|%s" % (re.escape(french_text), re.escape(english_text))))


def test_referent_fills_the_ede_grid(page, wait_idle, js_errors, artifacts, social, manager):
    notebook_id, _, vals = create_carnet(manager, social.uid, firstname="Inès")
    lastname = vals["lastname"]
    assert social.call("rsa.ede.assessment", "search_count",
                       [("notebook_id", "=", notebook_id)]) == 0

    browser_login(page, wait_idle, LOGIN)
    form = open_my_carnet(page, wait_idle, lastname)

    # Section "Situation", its employment-distance scale: no assessment yet.
    pane = open_tab(page, "Situation", "Situation")
    expect(pane.locator(".o_field_one2many[name=ede_assessment_ids] .o_data_row")).to_have_count(0)
    shot(page, artifacts, 1, "carnet-tab")
    new = pane.locator("button[name=action_new_ede_assessment]")
    expect(new).to_have_text(label("Nouvelle évaluation", "New assessment"))
    new.click()
    wait_idle()

    # The assessment form, in edit mode, with the grid of the default scale.
    expect(page.locator(".o_form_view.o_form_editable.o_rsa_ede_form")).to_be_visible()
    expect(form.locator(".oe_title h1")).to_contain_text(lastname)
    grid = page.locator(".o_field_widget.o_rsa_ede_grid")
    rows = grid.locator("tbody tr")
    expect(rows).to_have_count(8)
    expect(grid.locator("thead th.o_ede_level_head")).to_have_text(
        [re.compile(r"^\s*(Palier|Level) %d\s*$" % n) for n in range(1, 7)])
    expect(rows.first.locator("th.o_ede_item")).to_have_text(label("Logement"))
    expect(rows.first.locator("td.o_ede_cell .o_ede_points")).to_have_text(
        [re.compile(r"^%d pts?$" % POINTS[n]) for n in range(1, 7)])
    expect(grid.locator("tr.o_ede_missing")).to_have_count(8)
    expect(grid.locator("td.o_ede_chosen")).to_have_count(0)
    expect_summary(page, 0, None, missing=8)
    shot(page, artifacts, 2, "empty-grid")

    # One cross per item at palier 1: 8 points, France Travail proposed.
    for row in range(8):
        if row == 7:  # with one item missing there is no proposal yet
            expect_summary(page, 7, None, missing=1)
        pick(grid, wait_idle, row, 1)
    expect(grid.locator("tr.o_ede_missing")).to_have_count(0)
    expect(grid.locator("td.o_ede_chosen")).to_have_count(8)
    expect_summary(page, 8, "professional")
    shot(page, artifacts, 3, "professional")

    # "Logement" at palier 6 (20 points, blue): 27, between the thresholds, but
    # a blue level is a real barrier: "l'orientation vers la sphère solidarité
    # est à prioriser" (seed 003), whatever the total; the summary says why.
    pick(grid, wait_idle, 0, 6)
    expect(rows.first.locator("td.o_ede_chosen")).to_have_count(1)
    expect_summary(page, 27, "solidarity")
    reason = page.locator(".o_rsa_ede_summary .o_ede_reason")
    expect(reason).to_contain_text("Logement")
    expect(reason).to_contain_text(re.compile("bleu|blue"))
    shot(page, artifacts, 4, "blue")

    # "Santé" at palier 5 (10 points): 36, above 35: solidarity proposed.
    pick(grid, wait_idle, 1, 5)
    expect_summary(page, 36, "solidarity")
    counts = page.locator(".o_rsa_ede_summary")
    expect(counts.locator(".o_ede_count_blue .o_field_widget")).to_have_text("2")
    expect(counts.locator(".o_ede_count_green .o_field_widget")).to_have_text("0")
    shot(page, artifacts, 5, "solidarity")

    # Save: the grid is read-only, the proposal stays.
    page.locator(".o_form_button_save").click()
    expect(page.locator(".o_form_view.o_form_readonly")).to_be_visible()
    wait_idle()
    expect(grid.locator("td.o_ede_chosen")).to_have_count(8)
    expect(grid.locator("td.o_ede_pickable")).to_have_count(0)
    expect_summary(page, 36, "solidarity")
    status = page.locator(".o_form_statusbar .o_statusbar_status button.btn-primary")
    expect(status).to_have_attribute("data-value", "draft")
    expect(status).to_have_text(label("Brouillon", "Draft"))
    assessments = social.call("rsa.ede.assessment", "search_read",
                              [("notebook_id", "=", notebook_id)],
                              fields=["state", "total_points", "proposed_orientation"])
    assert [(a["state"], a["total_points"], a["proposed_orientation"])
            for a in assessments] == [("draft", 36, "solidarity")], assessments
    shot(page, artifacts, 6, "saved")

    # "Valider avec le bénéficiaire", confirmed.
    # (Odoo 11 renders the header's buttons without their name.)
    done = page.locator(".o_form_statusbar .o_statusbar_buttons button:visible").filter(
        has_text=label("Valider avec le bénéficiaire", "Agreed with the beneficiary"))
    expect(done).to_have_count(1)
    done.click()
    dialog = page.locator(".modal-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".modal-body")).to_contain_text(re.compile(
        "Une fois validée, l'évaluation ne peut plus être modifiée|Once agreed"))
    shot(page, artifacts, 7, "confirm")
    dialog.locator(".modal-footer .btn-primary").click()
    expect(dialog).to_have_count(0)
    wait_idle()
    status = page.locator(".o_form_statusbar .o_statusbar_status button.btn-primary")
    expect(status).to_have_attribute("data-value", "done")
    expect(status).to_have_text(label("Validée", "Agreed"))
    expect(done).to_have_count(0)
    expect_summary(page, 36, "solidarity")
    shot(page, artifacts, 8, "agreed")

    # Back to the carnet: the assessment is listed, agreed, with its total.
    page.locator(".o_control_panel .breadcrumb a").filter(has_text=lastname).click()
    expect(page.locator(".o_form_view .oe_title h1")).to_contain_text(lastname)
    wait_idle()
    pane = open_tab(page, "Situation", "Situation")
    listed = pane.locator(".o_field_one2many[name=ede_assessment_ids] .o_data_row")
    expect(listed).to_have_count(1)
    expect(listed.locator("td")).to_contain_text(["36"])
    expect(listed).to_contain_text(re.compile("Orientation solidarité|Solidarity"))
    expect(listed).to_contain_text(re.compile("Validée|Agreed"))
    # The evolution chart has its first point: 36.
    chart = pane.locator("svg.o_rsa_ede_chart")
    expect(chart.locator(".ede-total-point")).to_have_count(1)
    expect(chart.locator("text").filter(has_text=re.compile(r"^36$"))).to_have_count(1)
    shot(page, artifacts, 9, "carnet-list")

    # The server has it: agreed, 36 points, solidarity, by the référent.
    assessments = social.call("rsa.ede.assessment", "search_read",
                              [("notebook_id", "=", notebook_id)],
                              fields=["state", "total_points", "proposed_orientation", "user_id",
                                      "blue_count", "line_ids"])
    assert len(assessments) == 1, assessments
    assessment = assessments[0]
    assert assessment["state"] == "done"
    assert assessment["total_points"] == 36
    assert assessment["proposed_orientation"] == "solidarity"
    assert assessment["user_id"][0] == social.uid
    assert assessment["blue_count"] == 2
    lines = social.call("rsa.ede.assessment.line", "read", assessment["line_ids"],
                        ["item_id", "points"])
    points = {line["item_id"][1]: line["points"] for line in lines}
    assert sorted(points.values()) == [1] * 6 + [10, 20], points
    assert points["Logement"] == 20 and points["Santé"] == 10, points

    assert not js_errors, "JavaScript errors during the journey:\n" + "\n".join(js_errors)
