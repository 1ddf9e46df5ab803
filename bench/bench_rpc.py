"""Bench 4: référents at once over XML-RPC and the web client's JSON-RPC.

    .local/venv/bin/python bench/bench_rpc.py -d bench_100k --start [--port 8410]
        [--workers 4] [--clients 20] [--duration 60] [--protocol both]
    .local/venv/bin/python bench/bench_rpc.py -d DB --url http://127.0.0.1:8420 \\
        [--url http://127.0.0.1:8430 ...]

With --start it runs `scripts/odoo.sh -d DB --workers N --max-cron-threads 0
--http-port PORT --longpolling-port PORT+1 --db-filter ^DB$` and stops it at
the end; without it, it uses the servers already listening on the --url(s)
(default http://127.0.0.1:PORT): the clients are spread over them in turn
(two nodes, or a proxy in front of them: bench/two_nodes.py).

Each client is a thread with its own connection, logged in as a different
generated référent (bench.ref.00001 …, password = login, see
bench/generate.py: one référent per 80 carnets, so 50 clients need a
database of 4,000 carnets or more), that repeats until the time is up a mix
of what a référent does all day:

    45 %  list "My beneficiaries" (search_read of the list, limit 80, + count)
    25 %  open one of its carnets (read of the form's fields + its actions)
    15 %  read the action plan of a carnet (search_read of cdb.action)
    10 %  add an objective to a carnet (create, with its chatter)
     5 %  write a note in a carnet's chatter (message_post)

--protocol says how the clients call the server: ``xmlrpc`` (an
integration: /xmlrpc/2/object, credentials on each call), ``web`` (what the
browser sends: a session opened by /web/session/authenticate, then the
JSON-RPC routes of the web client — /web/dataset/search_read for the lists,
/web/dataset/call_kw/<model>/<method> for the form's read, the create and
the note), or ``both`` (default: every other client is a web client).

It prints the throughput (operations and calls per second), the p50, p95
and max latency of each kind of operation, per protocol and for all, and
the errors (there must be none; exit 1 otherwise) with the second they
happened. The writes stay in the database.
"""
import argparse
import collections
import http.cookiejar
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import xmlrpc.client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIX = [("list", 45), ("open", 25), ("actions", 15), ("objective", 10), ("note", 5)]
CONTEXT = {"lang": "fr_FR", "tz": "Europe/Paris"}
TIMEOUT = 300  # seconds: a call waiting longer is an error


class TimeoutTransport(xmlrpc.client.Transport):
    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = TIMEOUT
        return connection


class Client(threading.Thread):
    """A référent over XML-RPC."""

    protocol = "xmlrpc"

    def __init__(self, url, db, login, deadline, seed, started=None):
        super().__init__(daemon=True)
        self.url, self.db, self.login, self.deadline = url, db, login, deadline
        self.started = started or time.time()
        self.rng = random.Random(seed)
        self.samples = []  # (operation, seconds, calls)
        self.errors = []  # (second since the start, operation, message)
        self.calls = 0

    # ------------------------------------------------------------ transport
    def login_session(self):
        common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/common",
                                           transport=TimeoutTransport())
        self.uid = common.authenticate(self.db, self.login, self.login, {})
        if not self.uid:
            raise RuntimeError("%s cannot log in" % self.login)
        self.models = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object", allow_none=True,
                                                transport=TimeoutTransport())

    def rpc(self, model, method, *args, **kwargs):
        self.calls += 1
        kwargs.setdefault("context", CONTEXT)
        return self.models.execute_kw(self.db, self.uid, self.login, model, method,
                                      list(args), kwargs)

    def search_read(self, model, domain, fields, limit=None):
        """Records of a list view: a list of dicts (and the count the
        web client shows when the page is full)."""
        kwargs = {"fields": fields}
        if limit:
            kwargs["limit"] = limit
        records = self.rpc(model, "search_read", domain, **kwargs)
        if limit and len(records) == limit:
            self.rpc(model, "search_count", domain)
        return records

    # ------------------------------------------------------------ operations
    def setup(self):
        self.login_session()
        self.domain = ["&", "|", ("referent_id", "=", self.uid),
                       ("member_ids.user_id", "=", self.uid), ("state", "!=", "closed")]
        views = self.rpc("cdb.notebook", "load_views", [[False, "form"], [False, "tree"]])
        self.form_fields = list(views["fields_views"]["form"]["fields"])
        self.tree_fields = list(views["fields_views"]["tree"]["fields"])
        action_tree = self.rpc("cdb.action", "load_views", [[False, "tree"]])
        self.action_fields = list(action_tree["fields_views"]["tree"]["fields"])
        self.notebook_ids = self.rpc("cdb.notebook", "search", self.domain, limit=80)
        if not self.notebook_ids:
            raise RuntimeError("%s follows no carnet" % self.login)
        self.calls = 0

    def op_list(self):
        self.search_read("cdb.notebook", self.domain, self.tree_fields, 80)

    def op_open(self):
        notebook_id = self.rng.choice(self.notebook_ids)
        data = self.rpc("cdb.notebook", "read", [notebook_id], fields=self.form_fields)[0]
        self.rpc("cdb.action", "read", data["action_ids"], fields=self.action_fields)

    def op_actions(self):
        self.search_read("cdb.action", [("notebook_id", "=", self.rng.choice(self.notebook_ids))],
                         self.action_fields)

    def op_objective(self):
        self.rpc("cdb.objective", "create", {
            "notebook_id": self.rng.choice(self.notebook_ids),
            "name": "Objectif fixé en entretien (bench)"})

    def op_note(self):
        self.rpc("cdb.notebook", "message_post", [self.rng.choice(self.notebook_ids)],
                 body="Entretien réalisé ce jour (bench).", message_type="comment",
                 subtype="mail.mt_note")

    def error(self, operation, error):
        if isinstance(error, xmlrpc.client.Fault):
            # the server's traceback: its last line says what happened
            lines = error.faultString.strip().splitlines() or [""]
            message = "Fault: %s" % lines[-1][:300]
        else:
            message = "%s: %s" % (type(error).__name__, str(error)[:300])
        self.errors.append((time.time() - self.started, operation, message))

    def run(self):
        while time.time() < self.deadline:
            try:
                self.setup()
                break
            except Exception as error:  # pylint: disable=broad-except
                self.error("setup", error)  # the server may be down: try again
                time.sleep(1)
        else:
            return
        operations = [name for name, weight in MIX for _i in range(weight)]
        while time.time() < self.deadline:
            name = self.rng.choice(operations)
            calls = self.calls
            start = time.perf_counter()
            try:
                getattr(self, "op_" + name)()
            except Exception as error:  # pylint: disable=broad-except
                self.error(name, error)
                time.sleep(0.2)  # a refused call answers at once: do not spin
                continue
            self.samples.append((name, time.perf_counter() - start, self.calls - calls))


class WebClient(Client):
    """A référent in the browser: a session cookie, the web client's
    JSON-RPC routes."""

    protocol = "web"

    def login_session(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.ids = itertools.count(1)
        result = self.json("/web/session/authenticate", {
            "db": self.db, "login": self.login, "password": self.login})
        self.uid = result.get("uid")
        if not self.uid:
            raise RuntimeError("%s cannot log in" % self.login)

    def json(self, path, params):
        """POST a JSON-RPC call as the web client does; its result, or
        RuntimeError with the server's message."""
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params,
                           "id": next(self.ids)}).encode()
        request = urllib.request.Request(self.url + path, data=body,
                                         headers={"Content-Type": "application/json"})
        with self.opener.open(request, timeout=TIMEOUT) as response:
            answer = json.loads(response.read().decode())
        if answer.get("error"):
            data = answer["error"].get("data") or {}
            raise RuntimeError("%s: %s" % (data.get("name") or answer["error"].get("message"),
                                           data.get("message") or answer["error"]))
        return answer["result"]

    def rpc(self, model, method, *args, **kwargs):
        self.calls += 1
        kwargs.setdefault("context", dict(CONTEXT, uid=self.uid))
        return self.json("/web/dataset/call_kw/%s/%s" % (model, method), {
            "model": model, "method": method, "args": list(args), "kwargs": kwargs})

    def search_read(self, model, domain, fields, limit=None):
        """/web/dataset/search_read: the records and, when the page is
        full, the count (computed by the server in the same call)."""
        self.calls += 1
        return self.json("/web/dataset/search_read", {
            "model": model, "domain": domain, "fields": fields, "limit": limit or False,
            "offset": 0, "sort": "", "context": dict(CONTEXT, uid=self.uid)})["records"]


def percentile(values, fraction):
    values = sorted(values)
    if not values:
        return float("nan")
    index = min(len(values) - 1, max(0, int(round(fraction * len(values) + 0.5)) - 1))
    return values[index]


def wait_for(url, timeout=180):
    limit = time.time() + timeout
    while time.time() < limit:
        try:
            xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common").version()
            urllib.request.urlopen(url + "/web/login", timeout=30).read()
            return
        except Exception:  # pylint: disable=broad-except
            time.sleep(1)
    raise RuntimeError("no server at %s" % url)


def start_server(db, port, workers):
    log = open(os.path.join(ROOT, ".local", "bench_rpc_server.log"), "w")
    command = ["bash", "scripts/odoo.sh", "-d", db, "--db-filter", "^%s$" % db,
               "--workers", str(workers), "--max-cron-threads", "0", "--http-port", str(port),
               "--longpolling-port", str(port + 1), "--log-level", "warn"]
    print("server: " + " ".join(command))
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def make_clients(urls, db, count, duration, protocol, first_user=1):
    """``count`` clients over ``urls`` in turn, each another référent."""
    started = time.time()
    deadline = started + duration
    clients = []
    for index in range(count):
        web = protocol == "web" or (protocol == "both" and index % 2)
        kind = WebClient if web else Client
        clients.append(kind(urls[index % len(urls)], db, "bench.ref.%05d" % (index + first_user),
                            deadline, index, started))
    return clients


def run_clients(clients, duration):
    started = time.time()
    for client in clients:
        client.start()
    for client in clients:
        client.join(duration + TIMEOUT)
    return time.time() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=8410)
    parser.add_argument("--url", action="append",
                        help="a server to call (repeatable: the clients take them in turn)")
    parser.add_argument("--start", action="store_true", help="start the server on --port")
    parser.add_argument("--workers", type=int, default=4, help="of the --start server")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--protocol", choices=("xmlrpc", "web", "both"), default="both")
    args = parser.parse_args()
    urls = args.url or ["http://127.0.0.1:%d" % args.port]
    server = start_server(args.database, args.port, args.workers) if args.start else None
    try:
        for url in urls:
            wait_for(url)
        print("uptime before: " + os.popen("uptime").read().strip())
        clients = make_clients(urls, args.database, args.clients, args.duration, args.protocol)
        elapsed = run_clients(clients, args.duration)
        print("uptime after:  " + os.popen("uptime").read().strip())
        report(clients, elapsed, args.database, " ".join(urls))
    finally:
        if server:
            os.killpg(server.pid, 15)
            server.wait(60)
    return 0 if not any(c.errors for c in clients) else 1


def report(clients, elapsed, database, where):
    samples = [(c.protocol,) + s for c in clients for s in c.samples]
    errors = sorted(e for c in clients for e in c.errors)
    calls = sum(s[3] for s in samples)
    print("%d clients (%s), %.0f s, database %s on %s: %d operations (%.1f/s), %d calls "
          "(%.1f/s), %d errors" % (
              len(clients), ", ".join("%d %s" % (n, p) for p, n in sorted(
                  _count(c.protocol for c in clients).items())),
              elapsed, database, where, len(samples), len(samples) / elapsed, calls,
              calls / elapsed, len(errors)))
    print("| protocol | operation | count | mean ms | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    for protocol in sorted({s[0] for s in samples}) + ["all"]:
        for name in [n for n, _w in MIX] + ["all"]:
            times = [s[2] * 1000 for s in samples
                     if protocol in ("all", s[0]) and name in ("all", s[1])]
            if times and (name == "all" or protocol != "all"):
                print("| %s | %s | %d | %.0f | %.0f | %.0f | %.0f |" % (
                    protocol, name, len(times), statistics.mean(times), percentile(times, 0.5),
                    percentile(times, 0.95), max(times)))
    for second, operation, message in errors[:10]:
        print("ERROR at %.1f s (%s) %s" % (second, operation, message))
    if errors:
        print("errors from %.1f s to %.1f s; kinds: %s" % (
            errors[0][0], errors[-1][0], "; ".join(
                "%d × %s" % (n, m) for m, n in _count(
                    e[2].split("\n")[0][:120] for e in errors).most_common(5))))


def _count(values):
    return collections.Counter(values)


if __name__ == "__main__":
    sys.exit(main())
