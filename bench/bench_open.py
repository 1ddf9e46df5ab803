"""Bench 3: opening a carnet and the lists of carnets, server time and SQL
query count, on a database filled by bench/generate.py.

    .local/venv/bin/python bench/bench_open.py -d bench_10k -d bench_100k [--runs 9]
        [--role référent --role manager ...]

For each database and each role (a référent, an accompagnateur, a structure
administrator, a correspondant, the département manager; generated logins,
see bench/generate.py) it replays in the server process what the web client
asks, through the ORM as that user:

- "open a carnet": read() of the form view's fields, then read() of the lines
  of every x2many of the form with the fields of its list view (what the
  form shows; the chatter is left out: the generated carnets have none), on
  the carnet of the user's first page whose form has the most non-empty lists;
- "My beneficiaries" (menu Accompaniment > My beneficiaries): the search_read
  of its first view, the kanban (limit 40), and of its list (limit 80), with
  the action's default filters ("My beneficiaries" and "Open"), plus the
  search_count the web client asks when the page is full;
- "Carnets de bord" (the list of every role but the référent's and the
  accompagnateur's: the carnets the user may see): the same with the
  "Open" filter, list (limit 80) and kanban (limit 40).

A user who is not a member of the carnet they open (structure
administrator, correspondant, manager) reads it with a reason, as the web
client does after the "Motif de consultation" dialog: the context key
``cdb_access_reason`` on the reads (carnet_de_bord/models/cdb_notebook_audit.py);
the access lines it logs are rolled back at the end.

Each measure runs once to warm the caches (as on a running server), then
--runs times in a new environment (empty record cache); it prints a
Markdown table: the medians of the wall time, of the CPU time of the Odoo
process and of the time spent in SQL statements, the maximum wall time, and
the SQL query count (cursor.sql_log_count), which must not depend on the
database size. On a loaded machine the wall time grows, the CPU time and
the query count much less.
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import odoo_env  # noqa: E402

USERS = [("référent", "bench.ref.00001"), ("accompagnateur", "bench.acc.00001"),
         ("structure admin", "bench.admin.001"), ("correspondant", "bench.corr.01"),
         ("manager", "bench.manager")]
# the roles whose menu is "My beneficiaries" (members of their carnets)
MEMBER_ROLES = ("référent", "accompagnateur")
CHATTER_FIELDS = ("message_ids", "message_follower_ids", "activity_ids")
CONTEXT = {"lang": "fr_FR", "tz": "Europe/Paris"}
# what the "Motif de consultation" dialog gives the reads of a non-member
REASON = {"cdb_access_reason": "Mesure de performance (bench_open.py)"}


def view(Model, view_type, view_id=False):
    return Model.load_views([(view_id, view_type)])["fields_views"][view_type]


def x2many_views(env, form):
    """(model, fields, context) of the list view of each x2many of the form,
    as the web client loads it (inline view, or the default list view)."""
    from odoo.tools.safe_eval import safe_eval
    subviews = {}
    for name, field in form["fields"].items():
        if field["type"] not in ("one2many", "many2many") or name in CHATTER_FIELDS:
            continue
        context = field.get("context") or {}
        if isinstance(context, str):
            try:
                context = safe_eval(context, {"id": 0, "uid": env.uid})
            except Exception:  # pylint: disable=broad-except
                context = {}
        tree = field.get("views", {}).get("tree")
        if not tree:
            view_ref = context.get("tree_view_ref")
            view_id = env.ref(view_ref).id if view_ref else False
            tree = view(env[field["relation"]], "tree", view_id)
        clean = {k: v for k, v in context.items() if not k.startswith("default_")}
        subviews[name] = (field["relation"], list(tree["fields"]), clean)
    return subviews


def fullest(notebooks, subviews):
    """The carnet of the page whose form shows the most non-empty lists:
    the same kind of carnet on every database, and the dearest to open."""
    return max(notebooks, key=lambda n: (
        sum(1 for name in subviews if n[name]), len(n.action_ids), -n.id))


def open_carnet(env, notebook_id, form, subviews):
    data = env["cdb.notebook"].browse(notebook_id).read(list(form["fields"]))[0]
    for name, (model, fields, context) in subviews.items():
        env[model].with_context(**context).browse(data[name]).read(fields)
    return data


def search_read(env, domain, fields, limit):
    Model = env["cdb.notebook"]
    records = Model.search_read(domain, fields, limit=limit)
    if len(records) == limit:
        Model.search_count(domain)
    return records


SQL_TIME = [0.0]


def time_sql():
    """Add the wall time of every SQL statement to SQL_TIME."""
    from odoo import sql_db
    execute = sql_db.Cursor.execute

    def timed(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return execute(self, *args, **kwargs)
        finally:
            SQL_TIME[0] += time.perf_counter() - start
    sql_db.Cursor.execute = timed


def measure(env, function, runs):
    """Medians of the wall time, of this process's CPU time and of the SQL
    time (ms), max wall time, and query counts of ``function(env)``, each
    time in a new environment (empty record cache and prefetch) as a new
    request has; the registry's caches stay warm, as on a running server."""
    from odoo import api
    cr, uid, context = env.cr, env.uid, dict(env.context)
    function(env)
    walls, cpus, sqls, queries = [], [], [], set()
    for _run in range(runs):
        api.Environment.reset()
        fresh = api.Environment(cr, uid, context)
        before, sql_before = cr.sql_log_count, SQL_TIME[0]
        start, cpu = time.perf_counter(), time.process_time()
        function(fresh)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        sqls.append((SQL_TIME[0] - sql_before) * 1000)
        queries.add(cr.sql_log_count - before)
    return (statistics.median(walls), statistics.median(cpus), statistics.median(sqls),
            max(walls), sorted(queries))


def bench_database(dbname, runs, roles):
    from odoo import SUPERUSER_ID, api
    from odoo.tools.safe_eval import safe_eval
    registry = odoo_env.load(dbname)
    results = []
    with api.Environment.manage(), registry.cursor() as cr:
        root = api.Environment(cr, SUPERUSER_ID, CONTEXT)
        count = root["cdb.notebook"].search_count([])
        mine_action = root.ref("carnet_de_bord.cdb_notebook_action_mine")
        search_view = root.ref("carnet_de_bord.cdb_notebook_view_search")
        filters = {f.get("name"): f.get("domain") for f in _filters(search_view.arch_db)}
        for role, login in USERS:
            if roles and role not in roles:
                continue
            user = root["res.users"].search([("login", "=", login)])
            if not user:
                odoo_env.progress("| %s | %d | %s | no user %s in this database |"
                                  % (dbname, count, role, login))
                continue
            env = api.Environment(cr, user.id, dict(CONTEXT, uid=user.id, **REASON))
            Notebook = env["cdb.notebook"]
            form = view(Notebook, "form")
            subviews = x2many_views(env, form)
            kanban_fields = list(view(Notebook, "kanban")["fields"])
            tree_fields = list(view(Notebook, "tree")["fields"])
            mine = safe_eval(filters["mine"], {"uid": user.id})
            open_ = safe_eval(filters["open"], {"uid": user.id})
            mine_domain = ["&"] + mine + open_
            member = role in MEMBER_ROLES
            # the carnet opened: one of the first page of the user's menu, as a click would
            first = fullest(Notebook.search(mine_domain if member else open_, limit=80),
                            subviews)
            lines = len(first.action_ids)
            measures = [
                ("open a carnet (%d actions)" % lines,
                 lambda e: open_carnet(e, first.id, form, subviews)),
                ("load_views of the form",
                 lambda e: e["cdb.notebook"].load_views([(False, "form")])),
            ]
            if member:
                size = len(Notebook.search(mine_domain))
                measures += [
                    ("My beneficiaries, kanban (40 of %d)" % size,
                     lambda e: search_read(e, mine_domain, kanban_fields, 40)),
                    ("My beneficiaries, list (80 of %d)" % size,
                     lambda e: search_read(e, mine_domain, tree_fields, 80)),
                ]
            size = Notebook.search_count(open_)
            measures.append(("Carnets de bord list, Open (80 of %d)" % size,
                             lambda e: search_read(e, open_, tree_fields, 80)))
            if not member:
                measures.append(("Carnets de bord kanban, Open (40 of %d)" % size,
                                 lambda e: search_read(e, open_, kanban_fields, 40)))
            for label, function in measures:
                wall, cpu, sql, worst, queries = measure(env, function, runs)
                results.append((dbname, count, role, login, label, wall, cpu, sql, worst, queries))
                odoo_env.progress(
                    "| %s | %d | %s | %s | %.0f | %.0f | %.0f | %.0f | %s |" % (
                        dbname, count, role, label, wall, cpu, sql, worst,
                        "/".join(map(str, queries))))
        cr.rollback()
    assert mine_action  # the menu's action exists: its filters are the ones used
    return results


def _filters(arch):
    from lxml import etree
    return etree.fromstring(arch.encode()).iter("filter")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", action="append", required=True)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--role", action="append", choices=[role for role, _login in USERS],
                        help="only this role (repeatable; default: every role)")
    args = parser.parse_args()
    time_sql()
    odoo_env.progress("uptime: " + os.popen("uptime").read().strip())
    odoo_env.progress("nproc: " + os.popen("nproc").read().strip())
    odoo_env.progress("| database | carnets | user | measure | wall ms | CPU ms | SQL ms "
                      "| max wall ms | queries |\n|---|---|---|---|---|---|---|---|---|")
    for dbname in args.database:
        bench_database(dbname, args.runs, args.role)
    odoo_env.progress("uptime: " + os.popen("uptime").read().strip())


if __name__ == "__main__":
    main()
