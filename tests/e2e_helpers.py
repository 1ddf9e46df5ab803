"""Helpers shared by the end-to-end tests (imported by conftest and tests)."""
import ast
import random
import re
import string
import xmlrpc.client
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
