"""Helpers shared by the end-to-end tests (imported by conftest and tests)."""
import ast
import random
import re
import string
import xmlrpc.client
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCESS_ERROR = 4  # odoo.service.wsgi_server.RPC_FAULT_CODE_ACCESS_ERROR
FR_PO = ROOT / "addons" / "carnet_de_bord" / "i18n" / "fr.po"


class Rpc:
    """One user connected over XML-RPC (/xmlrpc/2/common and /object)."""

    def __init__(self, url, db, login, password=None):
        self.db = db
        self.login = login
        self.password = password or login
        common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common", allow_none=True)
        self.uid = common.authenticate(db, login, self.password, {})
        assert self.uid, "XML-RPC authentication failed for %r on %r" % (login, db)
        self._object = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object", allow_none=True)

    def call(self, model, method, *args, **kwargs):
        return self._object.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs)

    def __repr__(self):
        return "<Rpc %s uid=%s>" % (self.login, self.uid)


# -------------------------------------------------------- French messages
def _po_unquote(chunks):
    return "".join(_c_unescape(chunk[1:-1]) for chunk in chunks)


def _c_unescape(text):
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)),
                  text)


def read_po(path):
    """{msgid: msgstr} of a .po file (plain entries only, no plurals)."""
    entries, msgid, msgstr, current = {}, None, None, None
    lines = Path(path).read_text(encoding="utf-8").splitlines() + [""]
    for line in lines:
        line = line.strip()
        if line.startswith("msgid "):
            if msgid is not None and msgstr is not None:
                entries[_po_unquote(msgid)] = _po_unquote(msgstr)
            msgid, msgstr, current = [line[6:]], None, "id"
        elif line.startswith("msgstr "):
            msgstr, current = [line[7:]], "str"
        elif line.startswith('"') and current:
            (msgid if current == "id" else msgstr).append(line)
        elif not line or line.startswith("#"):
            if msgid is not None and msgstr is not None:
                entries[_po_unquote(msgid)] = _po_unquote(msgstr)
                msgid, msgstr = None, None
            current = None
    return entries


def french(msgid):
    """The French translation of ``msgid`` from carnet_de_bord's fr.po, or
    None when that file does not exist yet or does not translate it."""
    if not FR_PO.exists():
        return None
    return read_po(FR_PO).get(msgid) or None


# ----------------------------------------------------------------- faults
FAULT_KINDS = {2: "UserError", 3: "AccessDenied", 4: "AccessError"}


def fault_message(fault):
    """(exception class name, message) of an XML-RPC Fault raised by Odoo.

    /xmlrpc/2 sends UserError as code 2 with the bare message, AccessError as
    code 4 with str(args), and any other exception (ValidationError…) as
    code 1 with the server traceback whose last line is
    ``odoo.exceptions.ValidationError: ('message', None)``.
    """
    text = fault.faultString
    if fault.faultCode == 2:
        return "UserError", text
    found = re.findall(r"^(?:odoo\.exceptions\.)?(\w+): (.*)$", text, re.M) \
        if fault.faultCode == 1 else [(FAULT_KINDS.get(fault.faultCode, "?"), text)]
    if not found:
        return "?", text
    kind, raw = found[-1]
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return kind, raw
    if isinstance(value, tuple):
        value = value[0]
    return kind, value


# --------------------------------------------------------------- records
def unique_caf():
    return "%09d" % random.SystemRandom().randint(10 ** 8, 10 ** 9 - 1)


def unique_lastname():
    return "E2e" + "".join(random.SystemRandom().choice(string.ascii_lowercase)
                           for _ in range(10))


def create_beneficiary(rpc, **values):
    vals = {
        "is_rsa_beneficiary": True,
        "firstname": "Camille",
        "lastname": unique_lastname(),
        "birthdate_date": "1987-%02d-%02d" % (random.randint(1, 12), random.randint(1, 28)),
        "caf_number": unique_caf(),
        "street": "12 rue Victor Hugo",
        "zip": "62000",
        "city": "Arras",
        "benefit_organism": "caf",
    }
    vals.update(values)
    partner_id = rpc.call("res.partner", "create", vals)
    return partner_id, vals


def create_carnet(rpc, referent_uid, **values):
    """A beneficiary and its carnet, created by ``rpc`` (the manager)."""
    partner_id, partner_vals = create_beneficiary(rpc, **values)
    notebook_id = rpc.call("cdb.notebook", "create", {
        "beneficiary_id": partner_id, "referent_id": referent_uid})
    return notebook_id, partner_id, partner_vals


def create_territory_carnet(manager, referent_uid, territory="Arrageois", **values):
    """A carnet of a demo ``territory`` followed by ``referent_uid`` (the
    demo correspondant is a delegate of the President for the Arrageois)."""
    notebook_id, _partner_id, _vals = create_carnet(manager, referent_uid, **values)
    territory_ids = manager.call("cdb.territory", "search", [("name", "ilike", territory)])
    assert territory_ids, "the demo territory %s" % territory
    manager.call("cdb.notebook", "write", [notebook_id], {"territory_id": territory_ids[0]})
    return notebook_id


def refused(rpc, model, method, *args):
    """``rpc`` calling ``method`` is refused with an access error."""
    try:
        rpc.call(model, method, *args)
    except xmlrpc.client.Fault as fault:
        assert fault.faultCode == ACCESS_ERROR, fault.faultString
        return fault
    raise AssertionError("%s.%s was not refused to %s" % (model, method, rpc.login))


def agree_ede(rpc, notebook_id):
    """An employment-distance scale agreed with the beneficiary, recorded by
    ``rpc`` (the référent), each item at its first level: what a first
    contract is signed with (guide: "Au préalable, à l'élaboration du
    contrat, l'échelle de distance à l'emploi est à réaliser")."""
    assessment_id = rpc.call("rsa.ede.assessment", "create", {"notebook_id": notebook_id})
    lines = rpc.call("rsa.ede.assessment.line", "search_read",
                     [("assessment_id", "=", assessment_id)], ["item_id"])
    for line in lines:
        level = rpc.call("rsa.ede.level", "search", [("item_id", "=", line["item_id"][0])],
                         limit=1)
        rpc.call("rsa.ede.assessment.line", "write", [line["id"]], {"level_id": level[0]})
    rpc.call("rsa.ede.assessment", "action_done", [assessment_id])
    return assessment_id


# ---------------------------------------------------------------- browser
# Shared steps of the browser journeys (Playwright's sync API, imported
# lazily so that the XML-RPC tests do not need it).
def label(*texts):
    """A regex matching any of the labels exactly (French and English)."""
    return re.compile(r"^\s*(%s)\s*$" % "|".join(re.escape(t) for t in texts))


def browser_login(page, wait_idle, login_name, password=None):
    """Log in through /web/login and wait for the web client."""
    from playwright.sync_api import expect
    page.goto("/web/login")
    page.fill("#login", login_name)
    page.fill("#password", password or login_name)
    page.click("button[type=submit]")
    page.wait_for_selector("#oe_main_menu_navbar")  # Odoo 11 community's top bar
    expect(page.locator(".oe_topbar_name")).to_have_text(re.compile(r"\S"))
    wait_idle()


def open_menu(page, wait_idle, xmlid, *texts):
    """Click the menu entry ``xmlid`` after checking its label."""
    from playwright.sync_api import expect
    entry = page.locator('a[data-menu-xmlid="%s"]' % xmlid)
    expect(entry).to_have_text(label(*texts))
    entry.click()
    wait_idle()


def search_for(page, wait_idle, text):
    """Type in the search view and pick its first proposal (the view's first
    search field), as a user does."""
    from playwright.sync_api import expect
    # The search view re-renders its input when it shows the action's default
    # filters: type only once they are there.
    expect(page.locator(".o_searchview .o_searchview_facet").first).to_be_visible()
    search = page.locator(".o_searchview_input")
    search.fill(text)
    search.press("End")  # the proposals open on keyup
    proposal = page.locator(".o_searchview_autocomplete li").first
    expect(proposal).to_contain_text(text)
    search.press("Enter")
    expect(page.locator(".o_searchview .o_searchview_facet").filter(
        has_text=text)).to_have_count(1)
    wait_idle()


def open_my_carnet(page, wait_idle, lastname):
    """"Carnet de bord" > "Mes bénéficiaires", search the beneficiary by
    name, open the carnet: returns the form's locator."""
    from playwright.sync_api import expect
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_root", "Carnet de bord")
    open_menu(page, wait_idle, "carnet_de_bord.menu_cdb_notebook_mine",
              "Mes bénéficiaires", "My beneficiaries")
    cards = page.locator(".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)")
    expect(cards.first).to_be_visible()
    search_for(page, wait_idle, lastname)
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(lastname)
    cards.first.click()
    form = page.locator(".o_form_view")
    expect(form.locator(".oe_title h1")).to_contain_text(lastname)
    wait_idle()
    return form


def open_tab(page, *texts):
    """Click the form's notebook tab labelled ``texts``; returns its pane."""
    from playwright.sync_api import expect
    tab = page.locator(".o_form_view .o_notebook .nav-tabs a").filter(has_text=label(*texts))
    expect(tab).to_have_count(1)
    tab.click()
    pane = page.locator(".o_form_view .o_notebook .tab-pane.active")
    expect(pane).to_be_visible()
    return pane


def user_date_format(rpc):
    """The strftime format of dates in the web client of ``rpc``'s user."""
    lang = rpc.call("res.users", "read", [rpc.uid], ["lang"])[0]["lang"] or "en_US"
    langs = rpc.call("res.lang", "search_read", [("code", "=", lang)], fields=["date_format"])
    return langs[0]["date_format"] if langs else "%m/%d/%Y"


def portal_login(page, login_name, password=None):
    """Log in through /web/login as a portal user: Odoo sends them to /my."""
    from playwright.sync_api import expect
    page.goto("/web/login")
    page.fill("#login", login_name)
    page.fill("#password", password or login_name)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/my(/home)?(\?.*)?$"))
