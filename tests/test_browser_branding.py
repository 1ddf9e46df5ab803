"""No generic Odoo where a user looks (issue "Each role's day"): the login
page, the browser title, the user menu and the printed letterhead name the
product and the département, not Odoo or "YourCompany"."""
import re

from playwright.sync_api import expect

from e2e_helpers import browser_login


def test_login_page_and_web_client_name_the_product(page, wait_idle, artifacts, manager):
    page.goto("/web/login")
    expect(page).to_have_title(re.compile("Carnet de bord"))
    body = page.locator("body")
    expect(body).not_to_contain_text("Odoo", use_inner_text=True)
    browser_login(page, wait_idle, "referent.social")
    expect(page).to_have_title(re.compile("Carnet de bord"))
    expect(page).not_to_have_title(re.compile("Odoo"))
    expect(page.locator(".o_sub_menu_footer")).to_have_count(0)
    page.locator(".o_user_menu > a").click()
    menu = page.locator(".o_user_menu .dropdown-menu")
    expect(menu).to_be_visible()
    expect(menu.locator("a[data-menu='logout']")).to_be_visible()
    for entry in ("documentation", "support", "account"):
        expect(menu.locator("a[data-menu='%s']" % entry)).to_have_count(0)
    expect(menu).not_to_contain_text("Odoo", use_inner_text=True)
    page.screenshot(path=str(artifacts / "branding-web-client.png"))


def test_demo_company_is_the_departement(manager):
    company = manager.call("res.users", "read", [manager.uid], ["company_id"])[0]["company_id"]
    values = manager.call("res.company", "read", [company[0]], ["name", "logo", "city"])[0]
    assert "Département" in values["name"]
    assert values["logo"], "the département's logo heads the prints"
    assert values["city"] == "Arras"
