"""The département's manager uploads a CAF/MSA flux, reads the report and
finds the household's carnet, in headless Chromium.

"Département" > "Journal des flux" > "Créer": the kind "Flux CAF/MSA
(VRSB0801)" is proposed, the file is uploaded, "Importer maintenant" imports
it at once; the form shows the counts and the flux's date, a second
household with an invalid NIR is listed in the report of an all-or-nothing
first try. Then "Foyers RSA" finds the household by its matricule, and the
beneficiary's "Carnet de bord" button opens the carnet created for the
person subject to rights and duties (the manager, no member of it, gives
the reason of the consultation).

The flux is made by addons/cdb_flux/flux_samples.py (made-up people, new at
each run); the schema is the shared one beside the repository, the test is
skipped without it.
"""
import os
import random
import sys

import pytest
from playwright.sync_api import expect

from e2e_helpers import browser_login, label, open_menu

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "addons", "cdb_flux"))
import flux_samples  # noqa: E402

XSD = os.path.join(os.path.dirname(ROOT), "shared", "formats", "caf-msa", "vrsb0801.xsd")


def shot(page, artifacts, number, name):
    page.screenshot(path=str(artifacts / ("flux-%d-%s.png" % (number, name))), full_page=True)


def _flux(tmp_path, households, name):
    path = tmp_path / name
    with open(str(path), "wb") as output:
        flux_samples.write_flux(output, households, created="2026-10-05",
                                reference="2026-09-30")
    return path


def _upload_and_run(page, wait_idle, path):
    """A new import of the journal, the file uploaded, "Importer maintenant"."""
    page.locator(".o_list_button_add").click()
    wait_idle()
    form = page.locator(".o_form_view")
    expect(form.locator(".o_field_widget[name=import_type]")).to_have_value(
        '"caf_flux"')
    form.locator(".o_field_widget[name=file] input[type=file]").set_input_files(str(path))
    wait_idle()
    expect(form.locator(".o_field_widget[name=file] input.o_input")).to_have_value(
        path.name)
    page.locator(".o_form_button_save").click()
    wait_idle()
    page.locator(".o_form_statusbar button").filter(
        has_text=label("Lancer maintenant", "Run now")).click()
    wait_idle()
    return form


def test_manager_imports_a_caf_flux_and_finds_the_carnet(page, wait_idle, js_errors,
                                                         artifacts, manager, tmp_path):
    if not os.path.isfile(XSD):
        pytest.skip("The schema vrsb0801.xsd is absent from %s" % XSD)
    base = random.SystemRandom().randint(100000, 2000000)
    applicant = flux_samples.person(base * 3, "DEM", lastname="FLUXE%d" % base,
                                    firstname="CAMILLE")
    household = flux_samples.household(base, persons=[
        applicant, flux_samples.person(base * 3 + 1, "CJT", rights_duties=False,
                                       lastname="FLUXE%d" % base, firstname="HUGO")])
    bad = flux_samples.household(base + 1, persons=[flux_samples.person(
        base * 3 + 3, "DEM", nir="5999999999999", lastname="FLUXBAD%d" % base)])

    browser_login(page, wait_idle, "manager")
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_root", "Carnet de bord")
    open_menu(page, wait_idle, "cdb_flux.menu_cdb_flux_journal",
              "Journal des flux", "Journal of the flux")

    # An invalid NIR: nothing is imported, the report says where and why.
    form = _upload_and_run(page, wait_idle, _flux(tmp_path, [household, bad], "flux-bad.xml"))
    expect(form.locator(".o_statusbar_status .btn-primary")).to_have_text(
        label("Invalide", "Invalid"))
    report = form.locator(".o_field_widget[name=line_ids] .o_data_row")
    expect(report).to_have_count(1)
    expect(report.first).to_contain_text("NIR")
    expect(report.first).to_contain_text("5999999999999")
    shot(page, artifacts, 1, "report")
    assert not manager.call("rsa.household", "search", [
        ("matricule", "=", household["matricule"])])

    # The corrected flux is imported.
    page.locator(".o_control_panel .breadcrumb a").first.click()
    wait_idle()
    form = _upload_and_run(page, wait_idle, _flux(tmp_path, [household], "flux-ok.xml"))
    expect(form.locator(".o_statusbar_status .btn-primary")).to_have_text(
        label("Réalisé", "Done"))
    expect(form.locator(".o_field_widget[name=created_count]")).to_have_text("1")
    expect(form.locator(".o_field_widget[name=flux_stamp]")).to_have_text(
        "2026-10-05 01:18:36")
    shot(page, artifacts, 2, "done")

    # The household, then the applicant's carnet.
    open_menu(page, wait_idle, "rsa_orientation.menu_rsa_households",
              "Foyers RSA", "RSA households")
    search = page.locator(".o_searchview_input")
    search.fill(household["matricule"])
    search.press("End")  # the proposals open on keyup
    expect(page.locator(".o_searchview_autocomplete li").first).to_contain_text(
        household["matricule"])
    search.press("Enter")
    expect(page.locator(".o_searchview .o_searchview_facet")).to_have_count(1)
    wait_idle()
    rows = page.locator(".o_list_view .o_data_row")
    expect(rows).to_have_count(1)
    rows.first.click()
    wait_idle()
    household_form = page.locator(".o_form_view")
    members = household_form.locator(".o_field_widget[name=member_ids] .o_data_row")
    expect(members).to_have_count(2)
    expect(household_form).to_contain_text("FLUXE%d" % base)
    shot(page, artifacts, 3, "household")

    partner_ids = manager.call("res.partner", "search", [
        ("lastname", "=", "FLUXE%d" % base), ("firstname", "=", "Camille")])
    assert len(partner_ids) == 1
    page.goto("/web#model=res.partner&id=%d&view_type=form" % partner_ids[0])
    wait_idle()
    page.locator(".o_form_view .oe_button_box button").filter(
        has_text="Carnet de bord").click()
    wait_idle()
    # The manager is no member of the new carnet: they give their reason.
    dialog = page.locator(".modal-dialog")
    expect(dialog.locator(".modal-title")).to_have_text(
        label("Motif de consultation", "Reason for the consultation"))
    dialog.locator(".o_field_widget[name=reason]").fill("Contrôle de l'import du flux CAF")
    dialog.locator("button[name=action_confirm]").click()
    wait_idle()
    expect(page.locator(".modal-dialog")).to_have_count(0)
    notebook = page.locator(".o_form_view")
    expect(notebook.locator(".oe_title h1")).to_contain_text("FLUXE%d" % base)
    notebooks = manager.call("cdb.notebook", "search", [("beneficiary_id", "=", partner_ids[0])])
    assert len(notebooks) == 1
    shot(page, artifacts, 4, "carnet")
    assert [e for e in js_errors if "CdbAccessReasonRequired" not in e] == []
