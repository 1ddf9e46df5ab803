"""Fault run: PostgreSQL restarted during the load test.

    export CDB_PG_HOME=/var/tmp/cdb-ops-pg CDB_PG_PORT=5499   # a throw-away cluster
    .local/venv/bin/python bench/fault_pg_restart.py -d DB [--port 8360] [--workers 4]
        [--clients 20] [--duration 90] [--stop-at 20] [--down 15]

**Never on a shared cluster**: it stops PostgreSQL. It runs on the cluster
of ``CDB_PG_HOME`` (scripts/lib.sh's local cluster; an external
``CDB_DB_HOST`` is refused) and refuses a cluster that holds databases
other than DB (and the templates): make a throw-away one, e.g. by
restoring a backup into it (scripts/backup.sh, scripts/restore.sh; see
docs/benchmarks.md).

It starts a node (``--workers``), counts the carnets and the objectives
the load writes, runs bench/bench_rpc.py's référents (XML-RPC and the web
client's JSON-RPC) for ``--duration`` s; at ``--stop-at`` s PostgreSQL is
stopped (``pg_ctl stop -m fast``: the sessions are cut), ``--down`` s later
started again. It prints when the errors happened and what they said, how
long after PostgreSQL came back the last error was, and checks that
nothing committed is lost: the carnets are all there, and every objective
whose creation the server confirmed is in the database. Exit 1 when the
server did not recover (errors in the last 20 s) or something is lost.
"""
import argparse
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_rpc  # noqa: E402
import cluster  # noqa: E402

OBJECTIVE = "Objectif fixé en entretien (bench)"


def lib(function):
    """Run a function of scripts/lib.sh (start_postgres, stop_postgres)."""
    subprocess.run(["bash", "-c", 'source scripts/lib.sh && "$0"', function], cwd=cluster.ROOT,
                   check=True)


def cluster_databases():
    out = subprocess.check_output(["bash", "-c", 'source scripts/lib.sh && psql_cmd -d postgres '
                                   '-tAc "select datname from pg_database"'], cwd=cluster.ROOT)
    return set(out.decode().split()) - {"postgres", "template0", "template1"}


def counts(admin):
    return (admin("cdb.notebook", "search_count", [], context={"active_test": False}),
            admin("cdb.objective", "search_count", [("name", "=", OBJECTIVE)]))


class CountingClient(object):
    """Counts the objectives each client's server confirmed."""

    @staticmethod
    def confirmed(clients):
        return sum(1 for c in clients for s in c.samples if s[0] == "objective")


def restart(stop_at, down, marks):
    time.sleep(stop_at)
    marks["stop"] = time.time()
    lib("stop_postgres")
    marks["stopped"] = time.time()
    time.sleep(down)
    marks["start"] = time.time()
    lib("start_postgres")
    marks["started"] = time.time()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=8360)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=int, default=90)
    parser.add_argument("--stop-at", type=int, default=20)
    parser.add_argument("--down", type=int, default=15)
    args = parser.parse_args()
    if os.environ.get("CDB_DB_HOST") or not os.environ.get("CDB_PG_HOME"):
        sys.exit("Set CDB_PG_HOME to a throw-away cluster (and no CDB_DB_HOST).")
    others = cluster_databases() - {args.database}
    if others:
        sys.exit("The cluster of %s also holds %s: refusing to restart it."
                 % (os.environ["CDB_PG_HOME"], ", ".join(sorted(others))))
    node = cluster.Node("pg", args.database, args.port, workers=args.workers, cron_threads=1)
    print("%s, %s, %d cores; cluster %s" % (cluster.now(), cluster.uptime(), os.cpu_count(),
                                            os.environ["CDB_PG_HOME"]))
    ok = False
    try:
        node.start().wait()
        admin = cluster.Rpc(node.url, args.database, "admin", "admin")
        before = counts(admin)
        print("before: %d carnets, %d objectives of the bench" % before)
        clients = bench_rpc.make_clients([node.url], args.database, args.clients,
                                         args.duration, "both")
        marks = {}
        fault = threading.Thread(target=restart, args=(args.stop_at, args.down, marks))
        started = clients[0].started
        fault.start()
        elapsed = bench_rpc.run_clients(clients, args.duration)
        fault.join()
        bench_rpc.report(clients, elapsed, args.database, node.url)
        rel = {k: v - started for k, v in marks.items()}
        print("PostgreSQL: stop at %.1f s (down at %.1f s), start at %.1f s (up at %.1f s)" % (
            rel["stop"], rel["stopped"], rel["start"], rel["started"]))
        errors = sorted(e for c in clients for e in c.errors)
        after_up = [e for e in errors if e[0] > rel["started"]]
        late = [e for e in errors if e[0] > args.duration - 20]
        print("errors: %d, of which %d after PostgreSQL was up again (last at %s); "
              "%d in the last 20 s" % (
                  len(errors), len(after_up),
                  "%.1f s, %.1f s after" % (after_up[-1][0], after_up[-1][0] - rel["started"])
                  if after_up else "-", len(late)))
        after = counts(admin)
        confirmed = CountingClient.confirmed(clients)
        print("after: %d carnets, %d objectives of the bench (+%d; the server confirmed %d)"
              % (after[0], after[1], after[1] - before[1], confirmed))
        ok = (after[0] == before[0] and after[1] - before[1] >= confirmed and not late
              and bool(errors))
    finally:
        node.stop()
        lib("start_postgres")  # leave the cluster running, whatever happened
    print("%s, %s: %s" % (cluster.now(), cluster.uptime(), "OK" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
