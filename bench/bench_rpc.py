"""Bench 4: 20 référents at once over XML-RPC against `--workers 2`.

    .local/venv/bin/python bench/bench_rpc.py -d bench_100k --start [--port 8410]
        [--clients 20] [--duration 60]

With --start it runs `scripts/odoo.sh -d DB --workers 2 --max-cron-threads 0
--http-port PORT --longpolling-port PORT+1 --db-filter ^DB$` and stops it at
the end; without it, it uses a server already listening on PORT.

Each client is a thread with its own connection, logged in as a different
generated référent (bench.ref.00001 …, password = login, see
bench/generate.py), that repeats until the time is up a mix of what a
référent does all day:

    45 %  list "My beneficiaries" (search_read of the list, limit 80, + count)
    25 %  open one of its carnets (read of the form's fields + its actions)
    15 %  read the action plan of a carnet (search_read of cdb.action)
    10 %  add an objective to a carnet (create, with its chatter)
     5 %  write a note in a carnet's chatter (message_post)

It prints the throughput (operations and RPC calls per second), the p50,
p95 and max latency of each kind of operation and of all of them, and the
errors (there must be none). The writes stay in the database.
"""
import argparse
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


class Client(threading.Thread):
    def __init__(self, url, db, login, deadline, seed):
        super().__init__(daemon=True)
        self.url, self.db, self.login, self.deadline = url, db, login, deadline
        self.rng = random.Random(seed)
        self.samples = []  # (operation, seconds, rpc calls)
        self.errors = []
        self.calls = 0

    def rpc(self, model, method, *args, **kwargs):
        self.calls += 1
        kwargs.setdefault("context", CONTEXT)
        return self.models.execute_kw(self.db, self.uid, self.login, model, method,
                                      list(args), kwargs)

    def setup(self):
        common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/common")
        self.uid = common.authenticate(self.db, self.login, self.login, {})
        if not self.uid:
            raise RuntimeError("%s cannot log in" % self.login)
        self.models = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object", allow_none=True)
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
        records = self.rpc("cdb.notebook", "search_read", self.domain,
                           fields=self.tree_fields, limit=80)
        if len(records) == 80:
            self.rpc("cdb.notebook", "search_count", self.domain)

    def op_open(self):
        notebook_id = self.rng.choice(self.notebook_ids)
        data = self.rpc("cdb.notebook", "read", [notebook_id], fields=self.form_fields)[0]
        self.rpc("cdb.action", "read", data["action_ids"], fields=self.action_fields)

    def op_actions(self):
        self.rpc("cdb.action", "search_read", [("notebook_id", "=",
                                                self.rng.choice(self.notebook_ids))],
                 fields=self.action_fields)

    def op_objective(self):
        self.rpc("cdb.objective", "create", {
            "notebook_id": self.rng.choice(self.notebook_ids),
            "name": "Objectif fixé en entretien (bench)"})

    def op_note(self):
        self.rpc("cdb.notebook", "message_post", [self.rng.choice(self.notebook_ids)],
                 body="Entretien réalisé ce jour (bench).", message_type="comment",
                 subtype="mail.mt_note")

    def run(self):
        try:
            self.setup()
        except Exception as error:  # pylint: disable=broad-except
            self.errors.append("setup: %s" % error)
            return
        operations = [name for name, weight in MIX for _i in range(weight)]
        while time.time() < self.deadline:
            name = self.rng.choice(operations)
            calls = self.calls
            start = time.perf_counter()
            try:
                getattr(self, "op_" + name)()
            except Exception as error:  # pylint: disable=broad-except
                self.errors.append("%s: %s" % (name, str(error)[:300]))
                continue
            self.samples.append((name, time.perf_counter() - start, self.calls - calls))


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


def start_server(db, port):
    log = open(os.path.join(ROOT, ".local", "bench_rpc_server.log"), "w")
    command = ["bash", "scripts/odoo.sh", "-d", db, "--db-filter", "^%s$" % db,
               "--workers", "2", "--max-cron-threads", "0", "--http-port", str(port),
               "--longpolling-port", str(port + 1), "--log-level", "warn"]
    print("server: " + " ".join(command))
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=8410)
    parser.add_argument("--start", action="store_true", help="start the --workers 2 server")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    args = parser.parse_args()
    url = "http://127.0.0.1:%d" % args.port
    server = start_server(args.database, args.port) if args.start else None
    try:
        wait_for(url)
        print("uptime before: " + os.popen("uptime").read().strip())
        deadline = time.time() + args.duration
        clients = [Client(url, args.database, "bench.ref.%05d" % (i + 1), deadline, i)
                   for i in range(args.clients)]
        started = time.time()
        for client in clients:
            client.start()
        for client in clients:
            client.join(args.duration + 300)
        elapsed = time.time() - started
        print("uptime after:  " + os.popen("uptime").read().strip())
        report(clients, elapsed, args)
    finally:
        if server:
            os.killpg(server.pid, 15)
            server.wait(60)
    return 0 if not any(c.errors for c in clients) else 1


def report(clients, elapsed, args):
    samples = [s for c in clients for s in c.samples]
    errors = [e for c in clients for e in c.errors]
    calls = sum(s[2] for s in samples)
    print("%d clients, %.0f s, database %s: %d operations (%.1f/s), %d RPC calls (%.1f/s), "
          "%d errors" % (args.clients, elapsed, args.database, len(samples),
                         len(samples) / elapsed, calls, calls / elapsed, len(errors)))
    print("%-10s %6s %9s %9s %9s %9s" % ("operation", "count", "mean ms", "p50 ms", "p95 ms",
                                         "max ms"))
    for name in [n for n, _w in MIX] + ["all"]:
        times = [s[1] * 1000 for s in samples if name in ("all", s[0])]
        if times:
            print("%-10s %6d %9.0f %9.0f %9.0f %9.0f" % (
                name, len(times), statistics.mean(times), percentile(times, 0.5),
                percentile(times, 0.95), max(times)))
    for error in errors[:10]:
        print("ERROR " + error)


if __name__ == "__main__":
    sys.exit(main())
