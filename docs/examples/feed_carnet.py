#!/usr/bin/env python3
"""Feed a carnet de bord from another information system over XML-RPC.

"Dites-le nous une fois": the département's information system, a CAF flow
or France Travail sends what it already knows, so that nobody types it again.
This example, standard library only (Python 3.9 or later):

1. finds the RSA beneficiary by CAF/MSA number, or creates them;
2. finds their carnet de bord, or creates it with the référent given by login;
3. appends a version of the situation when it differs from the current one;
4. adds an objective and an action of the catalogue given by its code;
5. schedules an appointment.

Re-running it with the same arguments changes nothing: every step looks for
what it would create first. On a refusal of the server (invalid CAF number,
unknown action code, access rights...) it prints the server's message and
exits with status 1; each call is one transaction on the server, so a refused
call writes nothing. Status 2 means the server could not be reached.

Example (see docs/api.md):

    python3 docs/examples/feed_carnet.py --url http://localhost:8069 \\
        --db carnet_de_bord --user manager --password manager \\
        --caf-number 7654321 --lastname Durand --firstname Léa \\
        --birthdate 1988-04-12 --zip 62000 --city Arras \\
        --referent referent.social --housing "Hébergée chez un tiers" \\
        --diploma-level V --rome K1304 \\
        --objective "Accéder à un logement autonome" --action-code A.1.1 \\
        --action-deadline 2027-03-31 --appointment "2027-01-15 09:30"
"""
import argparse
import ast
import datetime
import re
import sys
import xmlrpc.client
from zoneinfo import ZoneInfo

# Situation fields given as text on the command line (cdb.situation).
SITUATION_TEXT_FIELDS = ("family", "housing", "resources", "mobility",
                         "employment", "summary")
SERVER_DATETIME = "%Y-%m-%d %H:%M:%S"


class ServerRefused(Exception):
    """The server refused a call; the message is the server's."""


def server_message(fault):
    """The user message of an XML-RPC fault of Odoo 11.

    Odoo 11 sends a UserError as its bare message (faultCode 2), an
    AccessError as the repr of its arguments (faultCode 4) and a
    ValidationError as a whole traceback whose last line is
    ``odoo.exceptions.ValidationError: ('message', None)`` (faultCode 1)."""
    text = fault.faultString.strip()
    if fault.faultCode == 2 or not text:
        return text
    lines = text.splitlines()
    last = lines[-1].strip()
    if "Traceback" in text:
        # The exception line: "module.Class: message", at the start of a line.
        for line in reversed(lines):
            match = re.match(r"([A-Za-z_][\w.]*): (.*)$", line)
            if match:
                last = match.group(2).strip()
                break
    if last.startswith("(") and last.endswith(")"):
        try:
            args = ast.literal_eval(last)
            if isinstance(args, tuple) and args and isinstance(args[0], str):
                return args[0]
        except (SyntaxError, ValueError):
            pass
    return last


class Carnets:
    """A thin client: ``call(model, method, *args, **kwargs)`` over XML-RPC."""

    def __init__(self, url, db, login, password, lang):
        self.url, self.db, self.password = url.rstrip("/"), db, password
        self.context = {"lang": lang, "tz": "Europe/Paris"}
        common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/common")
        self.uid = common.authenticate(db, login, password, {})
        if not self.uid:
            raise ServerRefused("Authentication failed for %r on database %r." % (login, db))
        self.models = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object", allow_none=True)

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.context)
        try:
            return self.models.execute_kw(self.db, self.uid, self.password,
                                          model, method, list(args), kwargs)
        except xmlrpc.client.Fault as fault:
            raise ServerRefused(server_message(fault)) from None

    def find(self, model, domain, **kwargs):
        """The first record matching ``domain`` as a dict, or None."""
        kwargs.setdefault("limit", 1)
        records = self.call(model, "search_read", domain, **kwargs)
        return records[0] if records else None


def report(step, what, detail):
    print("%-12s %-9s %s" % (step, what, detail))


def normalize_code(code):
    """As the server reads a code: "a.1.1." is A.1.1."""
    return code.strip().rstrip(".").upper()


# --------------------------------------------------------------------- steps
def feed_beneficiary(api, args):
    wanted = {
        "caf_number": args.caf_number, "lastname": args.lastname,
        "firstname": args.firstname, "birthdate_date": args.birthdate,
        "zip": args.zip, "city": args.city, "street": args.street,
        "phone": args.phone, "email": args.email,
        "benefit_organism": args.organism, "france_travail_id": args.france_travail_id,
    }
    wanted = {k: v for k, v in wanted.items() if v is not None}
    partner = api.find("res.partner", [("is_rsa_beneficiary", "=", True),
                                       ("caf_number", "=", args.caf_number)],
                       fields=list(wanted) + ["name"],
                       context=dict(api.context, active_test=False))
    if partner:
        changes = {k: v for k, v in wanted.items() if (partner[k] or None) != v}
        if changes:
            api.call("res.partner", "write", [partner["id"]], changes)
            report("beneficiary", "updated", "res.partner %d %s: %s" % (
                partner["id"], partner["name"], ", ".join(sorted(changes))))
        else:
            report("beneficiary", "found", "res.partner %d %s" % (partner["id"], partner["name"]))
        return partner["id"]
    if not (args.lastname and args.firstname):
        raise ServerRefused("No beneficiary with the CAF/MSA number %s: give --lastname "
                            "and --firstname to create one." % args.caf_number)
    values = dict(wanted, is_rsa_beneficiary=True, company_type="person")
    partner_id = api.call("res.partner", "create", values)
    report("beneficiary", "created", "res.partner %d %s %s (CAF/MSA %s)" % (
        partner_id, args.lastname, args.firstname, args.caf_number))
    return partner_id


def feed_notebook(api, args, partner_id):
    referent = api.find("res.users", [("login", "=", args.referent)],
                        fields=["name", "cdb_structure_id"])
    if not referent:
        raise ServerRefused("No user with the login %r." % args.referent)
    structure_id = referent["cdb_structure_id"] and referent["cdb_structure_id"][0]
    notebook = api.find("cdb.notebook", [("beneficiary_id", "=", partner_id)],
                        fields=["referent_id", "state"])
    if not notebook:
        notebook_id = api.call("cdb.notebook", "create", {
            "beneficiary_id": partner_id, "referent_id": referent["id"],
            "structure_id": structure_id})
        report("carnet", "created", "cdb.notebook %d, référent %s" % (
            notebook_id, referent["name"]))
        return notebook_id
    if not notebook["referent_id"] or notebook["referent_id"][0] != referent["id"]:
        api.call("cdb.notebook", "write", [notebook["id"]], {
            "referent_id": referent["id"], "structure_id": structure_id})
        report("carnet", "updated", "cdb.notebook %d, new référent %s" % (
            notebook["id"], referent["name"]))
    else:
        report("carnet", "found", "cdb.notebook %d (%s), référent %s" % (
            notebook["id"], notebook["state"], referent["name"]))
    return notebook["id"]


def feed_situation(api, args, notebook_id):
    wanted = {name: getattr(args, name) for name in SITUATION_TEXT_FIELDS
              if getattr(args, name) is not None}
    if args.diploma_level:
        level = api.find("cdb.diploma.level", [("code", "=", args.diploma_level)])
        if not level:
            raise ServerRefused("Unknown diploma level code %r." % args.diploma_level)
        wanted["diploma_level_id"] = level["id"]
    if args.rome:
        codes = sorted({code.strip().upper() for code in args.rome})
        romes = api.call("cdb.rome.code", "search_read", [("code", "in", codes)],
                         fields=["code"])
        missing = set(codes) - {r["code"] for r in romes}
        if missing:
            raise ServerRefused("Unknown ROME code(s): %s." % ", ".join(sorted(missing)))
        wanted["rome_code_ids"] = sorted(r["id"] for r in romes)
    if not wanted:
        return
    # rqth: said once, in the situation (carried over as the other fields)
    fields = list(SITUATION_TEXT_FIELDS) + ["rqth", "diploma_level_id", "rome_code_ids"]
    current = api.find("cdb.situation", [("notebook_id", "=", notebook_id)],
                       fields=fields, order="create_date desc, id desc")
    if current:
        as_written = dict(current, diploma_level_id=current["diploma_level_id"]
                          and current["diploma_level_id"][0],
                          rome_code_ids=sorted(current["rome_code_ids"]))
        if all((as_written[k] or None) == (v or None) for k, v in wanted.items()):
            report("situation", "unchanged", "cdb.situation %d is already the current version"
                   % current["id"])
            return
        # A new version is complete: what is not sent is carried over.
        values = {k: as_written[k] for k in fields}
    else:
        values = {}
    values.update(wanted)
    values["rome_code_ids"] = [(6, 0, values.get("rome_code_ids") or [])]
    values.update(notebook_id=notebook_id, reason=args.reason)
    situation_id = api.call("cdb.situation", "create", values)
    report("situation", "appended", "cdb.situation %d (new version)" % situation_id)


def feed_objective(api, args, notebook_id):
    if not args.objective:
        return None
    objective = api.find("cdb.objective", [("notebook_id", "=", notebook_id),
                                           ("name", "=", args.objective)])
    if objective:
        report("objective", "found", "cdb.objective %d %r" % (objective["id"], args.objective))
        return objective["id"]
    objective_id = api.call("cdb.objective", "create", {
        "notebook_id": notebook_id, "name": args.objective})
    report("objective", "created", "cdb.objective %d %r" % (objective_id, args.objective))
    return objective_id


def feed_action(api, args, notebook_id, objective_id):
    if not args.action_code:
        return
    code = normalize_code(args.action_code)
    action = api.find("cdb.action", [("notebook_id", "=", notebook_id),
                                     ("action_code_id.code", "=", code),
                                     ("state", "!=", "abandoned")],
                      fields=["name", "date_deadline", "state"])
    if action:
        report("action", "found", "cdb.action %d %s, échéance %s (%s)" % (
            action["id"], action["name"], action["date_deadline"], action["state"]))
        return
    values = {
        "notebook_id": notebook_id,
        "action_code": args.action_code,  # the server resolves the code
        "date_start": args.action_start,
        "date_deadline": args.action_deadline,
    }
    if objective_id:
        values["objective_id"] = objective_id
    action_id = api.call("cdb.action", "create", values)
    name = api.call("cdb.action", "read", [action_id], ["name"])[0]["name"]
    report("action", "created", "cdb.action %d %s, échéance %s" % (
        action_id, name, args.action_deadline))


def feed_appointment(api, args, notebook_id):
    if not args.appointment:
        return
    local = args.appointment.replace(tzinfo=ZoneInfo("Europe/Paris"))
    start = local.astimezone(datetime.timezone.utc)
    stop = start + datetime.timedelta(hours=args.duration)
    start_s, stop_s = start.strftime(SERVER_DATETIME), stop.strftime(SERVER_DATETIME)
    event = api.find("calendar.event", [("cdb_notebook_id", "=", notebook_id),
                                        ("start", "=", start_s)], fields=["name"])
    when = local.strftime("%d/%m/%Y %H:%M")
    if event:
        report("appointment", "found", "calendar.event %d %r on %s" % (
            event["id"], event["name"], when))
        return
    values = {"name": args.subject, "cdb_notebook_id": notebook_id,
              "start": start_s, "stop": stop_s, "allday": False}
    if args.location:
        values["location"] = args.location
    event_id = api.call("calendar.event", "create", values)
    report("appointment", "created", "calendar.event %d %r on %s (Europe/Paris)" % (
        event_id, args.subject, when))


# ----------------------------------------------------------------------- CLI
def iso_date(text):
    return datetime.date.fromisoformat(text).isoformat()


def local_datetime(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")


def parse_args(argv=None):
    today = datetime.date.today()
    parser = argparse.ArgumentParser(
        description="Find or create an RSA beneficiary and their carnet de bord, "
                    "then feed it (situation, objective, action, appointment).")
    connection = parser.add_argument_group("connection")
    connection.add_argument("--url", default="http://localhost:8069")
    connection.add_argument("--db", default="carnet_de_bord")
    connection.add_argument("--user", required=True, help="login, e.g. manager")
    connection.add_argument("--password", required=True)
    connection.add_argument("--lang", default="fr_FR", help="language of the server's messages")

    person = parser.add_argument_group("beneficiary (res.partner)")
    person.add_argument("--caf-number", required=True, help="CAF/MSA number, 7 to 13 digits")
    person.add_argument("--lastname")
    person.add_argument("--firstname")
    person.add_argument("--birthdate", type=iso_date, help="YYYY-MM-DD")
    person.add_argument("--zip")
    person.add_argument("--city")
    person.add_argument("--street")
    person.add_argument("--phone")
    person.add_argument("--email")
    person.add_argument("--organism", choices=("caf", "msa"))
    person.add_argument("--france-travail-id")

    carnet = parser.add_argument_group("carnet de bord (cdb.notebook)")
    carnet.add_argument("--referent", required=True, help="login of the référent unique")

    situation = parser.add_argument_group("situation (cdb.situation, a new version)")
    for name in SITUATION_TEXT_FIELDS:
        situation.add_argument("--" + name)
    situation.add_argument("--diploma-level", help="code of Annexe 1: I, II, III, IV, V, FC, NONE")
    situation.add_argument("--rome", action="append", help="ROME code, repeatable (K1304)")
    situation.add_argument("--reason", default="Données transmises par le SI du Département")

    plan = parser.add_argument_group("objective and action (cdb.objective, cdb.action)")
    plan.add_argument("--objective", help="objective, in the beneficiary's words")
    plan.add_argument("--action-code", help="code of the catalogue (Annexe 6), e.g. A.1.1")
    plan.add_argument("--action-start", type=iso_date, default=today.isoformat())
    plan.add_argument("--action-deadline", type=iso_date,
                      default=(today + datetime.timedelta(days=90)).isoformat(),
                      help="échéance, YYYY-MM-DD (default: in 90 days)")

    meeting = parser.add_argument_group("appointment (calendar.event)")
    meeting.add_argument("--appointment", type=local_datetime,
                         help="'YYYY-MM-DD HH:MM', Europe/Paris time")
    meeting.add_argument("--duration", type=float, default=1.0, help="hours")
    meeting.add_argument("--subject", default="Rendez-vous")
    meeting.add_argument("--location")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    try:
        api = Carnets(args.url, args.db, args.user, args.password, args.lang)
        print("connected to %s, database %s, as %s (uid %d)" % (
            args.url, args.db, args.user, api.uid))
        partner_id = feed_beneficiary(api, args)
        notebook_id = feed_notebook(api, args, partner_id)
        feed_situation(api, args, notebook_id)
        objective_id = feed_objective(api, args, notebook_id)
        feed_action(api, args, notebook_id, objective_id)
        feed_appointment(api, args, notebook_id)
    except ServerRefused as refusal:
        print("error: %s" % refusal, file=sys.stderr)
        return 1
    except OSError as error:  # connection refused, unknown host...
        print("error: cannot reach %s: %s" % (args.url, error), file=sys.stderr)
        return 2
    print("carnet: %s/web#id=%d&model=cdb.notebook&view_type=form" % (
        api.url, notebook_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
