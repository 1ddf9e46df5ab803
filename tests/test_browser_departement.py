"""The département's manager opens the dashboard and downloads a spreadsheet
export, in headless Chromium.

"Département" > "Tableau de bord": the numbers are those of cdb.dashboard
over XML-RPC; the tile of the reviews overdue opens the list of exactly
those carnets, with pivot and graph views; the figures are sentences, and
the key figures month by month open as a line chart. "Département" >
"Exports tableur":
"Contrats", "Télécharger" downloads an XLSX file whose header row is French.
"""
import io
import re
import zipfile

from playwright.sync_api import expect

from e2e_helpers import browser_login, label, open_menu


def shot(page, artifacts, number, name):
    page.screenshot(path=str(artifacts / ("departement-%d-%s.png" % (number, name))),
                    full_page=True)


def test_manager_dashboard_and_export(page, wait_idle, js_errors, artifacts, manager):
    dashboard_id = manager.call("cdb.dashboard", "create", {})
    figures = manager.call("cdb.dashboard", "read", [dashboard_id],
                           ["accompanied_count", "review_overdue_count",
                            "signed_professional_count", "signed_solidarity_count"])[0]
    overdue = manager.call("cdb.notebook", "search_count", [
        ("state", "!=", "closed"), ("review_due", "=", True)])
    assert figures["review_overdue_count"] == overdue

    browser_login(page, wait_idle, "manager")
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_root", "Carnet de bord")
    expect(page.locator('[data-menu-xmlid="cdb_departement.menu_cdb_departement"]')).to_have_text(
        label("Département"))
    open_menu(page, wait_idle, "cdb_departement.menu_cdb_dashboard",
              "Tableau de bord", "Dashboard")
    form = page.locator(".o_form_view")
    tile = form.locator("button[name=action_open_review_overdue]")
    expect(tile.locator(".o_field_widget[name=review_overdue_count]")).to_have_text(
        str(overdue))
    # Each figure is a sentence, readable without a legend.
    expect(form.locator(".o_field_widget[name=contract_sentence]")).to_contain_text(
        re.compile(r"sur %d |out of %d " % (figures["accompanied_count"],
                                            figures["accompanied_count"])))
    shot(page, artifacts, 1, "dashboard")
    tile.click()
    wait_idle()
    expect(page.locator(".o_list_view .o_data_row")).to_have_count(overdue)
    expect(page.locator(".o_cp_switch_pivot")).to_be_visible()
    page.locator(".o_cp_switch_pivot").click()
    wait_idle()
    expect(page.locator(".o_pivot")).to_be_visible()
    shot(page, artifacts, 2, "reviews-overdue-pivot")

    # The median delay opens the orientations followed by a signed contract,
    # with the date of the signature.
    crumb = page.locator(".o_control_panel .breadcrumb a").first
    expect(crumb).to_have_text(label("Tableau de bord", "Dashboard"))
    crumb.click()
    wait_idle()
    page.locator("button[name=action_open_signed]").click()
    wait_idle()
    signed = figures["signed_professional_count"] + figures["signed_solidarity_count"]
    expect(page.locator(".o_list_view .o_data_row")).to_have_count(min(signed, 80))
    expect(page.locator(".o_list_view th").filter(
        has_text=label("Contrat signé le", "Contract signed on"))).to_have_count(1)

    # The key figures month by month: a line chart.
    crumb = page.locator(".o_control_panel .breadcrumb a").first
    crumb.click()
    wait_idle()
    page.locator("button.o_cdb_open_trends").click()
    wait_idle()
    expect(page.locator(".o_graph_svg_container svg")).to_be_visible()
    shot(page, artifacts, 3, "trends")

    open_menu(page, wait_idle, "cdb_departement.menu_cdb_export_wizard",
              "Exports tableur", "Spreadsheet exports")
    dialog = page.locator(".modal-dialog")
    dialog.locator("label").filter(has_text=label("Contrats", "Contracts")).click()
    shot(page, artifacts, 3, "export-wizard")
    with page.expect_download() as download_info:
        dialog.locator("button[name=action_export]").click()
    download = download_info.value
    assert download.suggested_filename == "contrats.xlsx"
    content = open(download.path(), "rb").read()
    sheet = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    first_row = re.search(r'<row r="1".*?</row>', sheet).group(0)
    assert "Numéro" in first_row and "Bénéficiaire" in first_row
    contracts = manager.call("cer.contract", "search_count", [])
    assert len(re.findall(r'<row r="\d+"', sheet)) == contracts + 1
    assert not js_errors, js_errors
