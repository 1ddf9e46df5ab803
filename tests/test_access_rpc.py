"""The access model over XML-RPC and HTTP, against the real server (issue
"Access model"; seed 003, DUI: "l'utilisateur ne peut consulter ou modifier
que les dossiers pour lesquels il est nommé référent").

referent.social follows a new carnet; referent.pro does not. For every
record hanging off that carnet, and for its messages, attachments,
followers, activities and appointments, referent.pro gets nothing by any
way of reading (read by id, search, search_read, search_count,
name_search, read_group, export_data, /web/content), while
referent.social reads all of it: the refusals are not vacuous.
"""
import base64
import datetime
import http.cookiejar
import json
import urllib.error
import urllib.request
import uuid
import xmlrpc.client

import pytest

from e2e_helpers import ACCESS_ERROR, Rpc, create_carnet

# The guide's orientations and contracts: a département still on the guide.
pytestmark = pytest.mark.usefixtures("guide_regime")


@pytest.fixture(scope="module")
def carnet(manager, social):
    """A carnet followed by referent.social, with a record of each kind."""
    today = datetime.date.today().isoformat()
    notebook_id, partner_id, vals = create_carnet(manager, social.uid)
    orientation_id = manager.call("rsa.orientation", "create", {
        "notebook_id": notebook_id, "orientation_type": "solidarity",
        "referent_id": social.uid})
    manager.call("rsa.orientation", "action_decide", [orientation_id])
    contract_id = social.call("cer.contract", "create", {
        "notebook_id": notebook_id, "referent_id": social.uid,
        "objectives": "Objectifs confidentiels"})
    records = {
        "cdb.notebook": notebook_id,
        "res.partner": partner_id,
        "cdb.objective": social.call("cdb.objective", "create", {
            "notebook_id": notebook_id, "name": "Objectif confidentiel"}),
        "cdb.situation": social.call("cdb.situation", "create", {
            "notebook_id": notebook_id, "health": "Santé confidentielle"}),
        "cdb.action": social.call("cdb.action", "create", {
            "notebook_id": notebook_id, "action_code": "G.2.3", "date_start": today,
            "date_deadline": today}),
        "rsa.dsp": social.call("rsa.dsp", "create", {"notebook_id": notebook_id}),
        "rsa.orientation": orientation_id,
        "cer.contract": contract_id,
        "cer.job.offer": social.call("cer.job.offer", "create", {
            "contract_id": contract_id, "offer": "Offre confidentielle"}),
        "mail.message": social.call(
            "cdb.notebook", "message_post", [notebook_id], body="Note confidentielle",
            message_type="comment", subtype="mail.mt_note"),
        "ir.attachment": social.call("ir.attachment", "create", {
            "name": "bilan.txt", "datas_fname": "bilan.txt",
            "datas": base64.b64encode(b"bilan confidentiel").decode(),
            "res_model": "cdb.notebook", "res_id": notebook_id}),
        "mail.activity": social.call("mail.activity", "create", {
            "res_model_id": manager.call("ir.model", "search", [
                ("model", "=", "cdb.notebook")])[0],
            "res_id": notebook_id, "summary": "Rappel confidentiel", "user_id": social.uid,
            "activity_type_id": manager.call("mail.activity.type", "search", [], limit=1)[0]}),
        "calendar.event": social.call("calendar.event", "create", {
            "name": "Entretien confidentiel", "cdb_notebook_id": notebook_id,
            "start": today + " 09:00:00", "stop": today + " 10:00:00", "duration": 1.0},
            context={"no_mail_to_attendees": True}),
    }
    social.call("cdb.notebook", "message_subscribe_users", [notebook_id], user_ids=[social.uid])
    records["mail.followers"] = manager.call("mail.followers", "search", [
        ("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook_id)])[0]
    records["calendar.attendee"] = manager.call("calendar.event", "read", [
        records["calendar.event"]], ["attendee_ids"])[0]["attendee_ids"][0]
    return {"records": records, "lastname": vals["lastname"], "notebook_id": notebook_id}


# Domains that find the records of the carnet, per model.
def _document_domain(model, notebook_id):
    if model == "mail.message":
        return [("model", "=", "cdb.notebook"), ("res_id", "=", notebook_id)]
    if model in ("ir.attachment", "mail.followers", "mail.activity"):
        return [("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook_id)]
    if model == "calendar.event":
        return [("cdb_notebook_id", "=", notebook_id)]
    if model == "calendar.attendee":
        return [("event_id.cdb_notebook_id", "=", notebook_id)]
    if model == "res.partner":
        return [("cdb_notebook_ids", "in", [notebook_id])]
    if model == "cdb.notebook":
        return [("id", "=", notebook_id)]
    if model in ("cer.job.offer",):
        return [("contract_id.notebook_id", "=", notebook_id)]
    return [("notebook_id", "=", notebook_id)]


MODELS = ("cdb.notebook", "res.partner", "cdb.objective", "cdb.situation", "cdb.action",
          "rsa.dsp", "rsa.orientation", "cer.contract", "cer.job.offer", "mail.message",
          "ir.attachment", "mail.followers", "mail.activity", "calendar.event",
          "calendar.attendee")


def _fault(call, *args, **kwargs):
    with pytest.raises(xmlrpc.client.Fault) as info:
        call(*args, **kwargs)
    return info.value


GROUP_BY = {"cdb.notebook": "state", "res.partner": "is_rsa_beneficiary",
            "mail.message": "res_id", "ir.attachment": "res_id", "mail.followers": "res_id",
            "mail.activity": "res_id", "calendar.event": "cdb_notebook_id",
            "calendar.attendee": "event_id", "cer.job.offer": "contract_id"}


def _counted(rpc, model, domain):
    """The records read_group counts."""
    field = GROUP_BY.get(model, "notebook_id")
    groups = rpc.call(model, "read_group", domain, [field], [field])
    return sum(group[field + "_count"] for group in groups)


@pytest.mark.parametrize("model", MODELS)
def test_member_reads_everything(social, carnet, model):
    record_id = carnet["records"][model]
    domain = _document_domain(model, carnet["notebook_id"])
    assert social.call(model, "read", [record_id], ["display_name"])
    assert record_id in social.call(model, "search", domain)
    assert record_id in [r["id"] for r in social.call(model, "search_read", domain,
                                                      fields=["display_name"])]
    assert _counted(social, model, [("id", "=", record_id)]) == 1
    assert social.call(model, "export_data", [record_id], [GROUP_BY.get(
        model, "notebook_id")])["datas"]


@pytest.mark.parametrize("model", MODELS)
def test_non_member_reads_nothing(pro, carnet, model):
    record_id = carnet["records"][model]
    domain = _document_domain(model, carnet["notebook_id"])
    fault = _fault(pro.call, model, "read", [record_id], ["display_name"])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert pro.call(model, "search", domain) == []
    assert pro.call(model, "search", [("id", "=", record_id)]) == []
    assert pro.call(model, "search_read", domain, fields=["display_name"]) == []
    assert pro.call(model, "search_count", [("id", "=", record_id)]) == 0
    assert _counted(pro, model, [("id", "=", record_id)]) == 0
    assert _counted(pro, model, domain) == 0
    fault = _fault(pro.call, model, "export_data", [record_id], [GROUP_BY.get(
        model, "notebook_id")])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    try:
        names = pro.call(model, "name_get", [record_id])
    except xmlrpc.client.Fault as fault:
        assert fault.faultCode == ACCESS_ERROR, fault.faultString
    else:  # a model without a name shows none
        assert names == [[record_id, "%s,%s" % (model, record_id)]]


def test_name_search_finds_no_foreign_beneficiary(social, pro, carnet):
    lastname = carnet["lastname"]
    for model in ("cdb.notebook", "res.partner"):
        assert social.call(model, "name_search", lastname), model
        assert pro.call(model, "name_search", lastname) == [], model


def test_grouping_messages_and_attachments_reveals_no_foreign_carnet(pro, carnet):
    """read_group of Odoo 11 skipped the document check of messages and
    attachments: grouped by document, nothing of the carnet appears."""
    notebook_id = carnet["notebook_id"]
    groups = pro.call("mail.message", "read_group", [("model", "=", "cdb.notebook")],
                      ["res_id"], ["res_id"])
    assert notebook_id not in [g["res_id"] for g in groups]
    groups = pro.call("ir.attachment", "read_group", [("res_model", "=", "cdb.notebook")],
                      ["res_id"], ["res_id"])
    assert notebook_id not in [g["res_id"] for g in groups]


def test_non_member_cannot_follow_or_attach(pro, carnet):
    notebook_id = carnet["notebook_id"]
    fault = _fault(pro.call, "mail.followers", "create", {
        "res_model": "cdb.notebook", "res_id": notebook_id, "partner_id": pro.call(
            "res.users", "read", [pro.uid], ["partner_id"])[0]["partner_id"][0]})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    fault = _fault(pro.call, "ir.attachment", "create", {
        "name": "x.txt", "datas": base64.b64encode(b"x").decode(),
        "res_model": "cdb.notebook", "res_id": notebook_id})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    fault = _fault(pro.call, "cdb.notebook.member", "create", {
        "notebook_id": notebook_id, "user_id": pro.uid})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString


def _web_session(odoo_server, db_name, login):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    payload = json.dumps({"jsonrpc": "2.0", "params": {
        "db": db_name, "login": login, "password": login}}).encode()
    request = urllib.request.Request(odoo_server.url + "/web/session/authenticate", payload,
                                     {"Content-Type": "application/json"})
    with opener.open(request, timeout=60) as response:
        assert json.loads(response.read())["result"]["uid"]
    return opener


def _download(opener, url):
    try:
        with opener.open(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_attachment_download_only_for_members(odoo_server, db_name, carnet):
    url = "%s/web/content/%d?download=true" % (
        odoo_server.url, carnet["records"]["ir.attachment"])
    status, content = _download(_web_session(odoo_server, db_name, "referent.social"), url)
    assert (status, content) == (200, b"bilan confidentiel")
    status, content = _download(_web_session(odoo_server, db_name, "referent.pro"), url)
    assert status in (403, 404) and b"confidentiel" not in content


def test_field_attachment_only_for_members(manager, social, pro, carnet):
    """Attachments of binary fields (res_field set) are hidden from a plain
    search by Odoo; asked for explicitly, they follow their document too."""
    notebook_id = carnet["notebook_id"]
    attachment_id = manager.call("ir.attachment", "create", {
        "name": "photo", "datas": base64.b64encode(b"photo").decode(),
        "res_model": "cdb.notebook", "res_id": notebook_id, "res_field": "photo"})
    domain = [("res_model", "=", "cdb.notebook"), ("res_id", "=", notebook_id),
              ("res_field", "=", "photo")]
    assert social.call("ir.attachment", "search", domain) == [attachment_id]
    assert social.call("ir.attachment", "read", [attachment_id], ["name"])
    assert pro.call("ir.attachment", "search", domain) == []
    assert pro.call("ir.attachment", "search", [("id", "=", attachment_id)]) == []
    fault = _fault(pro.call, "ir.attachment", "read", [attachment_id], ["datas"])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString


# ------------------------------------------- conditions of access (seed 003)
# "L'accès au D.U.I. est conditionné par : La signature d'une charte
# utilisateur […] La demande d'accès individuelle : document cosigné par le
# référent et son responsable" (seed 003, "Accessibilité à l'interface").
NEWCOMER_PASSWORD = "Carnet-de-bord-2026"


def _newcomer(connect, admin, social, carnet, odoo_server, db_name):
    """A professional, member of the carnet, whose charter and access request
    are not recorded."""
    login = "e2e.newcomer.%s" % uuid.uuid4().hex[:8]
    group_id = admin.call("ir.model.data", "xmlid_to_res_id",
                          "carnet_de_bord.group_cdb_professional")
    uid = admin.call("res.users", "create", {
        "name": login, "login": login, "password": NEWCOMER_PASSWORD,
        "groups_id": [(6, 0, [group_id])]}, context={"no_reset_password": True})
    social.call("cdb.notebook.member", "create", {
        "notebook_id": carnet["notebook_id"], "user_id": uid})
    return Rpc(odoo_server.url, db_name, login, NEWCOMER_PASSWORD)


@pytest.fixture(scope="module")
def newcomer(connect, social, carnet, odoo_server, db_name):
    return _newcomer(connect, connect("admin"), social, carnet, odoo_server, db_name)


@pytest.mark.parametrize("model", MODELS)
def test_member_without_charter_reads_nothing(newcomer, carnet, model):
    """Member of the carnet, but neither the charter nor the access request:
    nothing of the carnet by any way of reading."""
    record_id = carnet["records"][model]
    domain = _document_domain(model, carnet["notebook_id"])
    fault = _fault(newcomer.call, model, "read", [record_id], ["display_name"])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    assert newcomer.call(model, "search", domain) == []
    assert newcomer.call(model, "search_read", domain, fields=["display_name"]) == []
    assert newcomer.call(model, "search_count", [("id", "=", record_id)]) == 0
    assert _counted(newcomer, model, domain) == 0
    fault = _fault(newcomer.call, model, "export_data", [record_id], [GROUP_BY.get(
        model, "notebook_id")])
    assert fault.faultCode == ACCESS_ERROR, fault.faultString


def test_charter_and_request_open_the_carnet(connect, manager, social, carnet, odoo_server,
                                             db_name):
    """The professional signs the charter, a manager records the access
    request co-signed by their manager: the carnet opens."""
    newcomer = _newcomer(connect, connect("admin"), social, carnet, odoo_server, db_name)
    notebook_id = carnet["notebook_id"]
    assert newcomer.call("cdb.notebook", "search", [("id", "=", notebook_id)]) == []
    assert newcomer.call("res.users", "action_cdb_sign_charter", [newcomer.uid]) is True
    assert newcomer.call("cdb.notebook", "search", [("id", "=", notebook_id)]) == []
    fault = _fault(newcomer.call, "res.users", "write", [newcomer.uid],
                   {"cdb_access_request_date": datetime.date.today().isoformat()})
    assert fault.faultCode == ACCESS_ERROR, fault.faultString
    action = manager.call("res.users", "action_cdb_record_access_request", [newcomer.uid])
    wizard_id = manager.call(action["res_model"], "create", {
        "user_id": newcomer.uid, "cosigner": "Mme Dupont, cheffe de service"})
    manager.call(action["res_model"], "action_confirm", [wizard_id])
    [user] = manager.call("res.users", "read", [newcomer.uid], ["cdb_dui_status"])
    assert user["cdb_dui_status"] == "open"
    assert newcomer.call("cdb.notebook", "search", [("id", "=", notebook_id)]) == [notebook_id]
    assert newcomer.call("cdb.objective", "search_count",
                         [("notebook_id", "=", notebook_id)]) >= 1
