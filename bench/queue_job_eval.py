"""Evaluation of OCA queue_job 11.0 (PyPI ``odoo11-addon-queue-job``
11.0.1.4.0) for the background imports: what happens to a job whose worker
is killed, and with two nodes each running queue_job's jobrunner.

queue_job is not one of the project's dependencies: install it in a
virtualenv of your own (``pip install --no-deps odoo11-addon-queue-job``)
and a throw-away database with the probe module of bench/queue_job_eval/
(a job that records each execution: its pid, its node, and whether it
finished):

    .local/venv/bin/pip install --no-deps odoo11-addon-queue-job==11.0.1.4.0
    bash scripts/odoo.sh -d bench_ops_qj -i qj_probe --without-demo=all --stop-after-init \\
        --addons-path=addons,bench/queue_job_eval
    .local/venv/bin/python bench/queue_job_eval.py -d bench_ops_qj kill [--watch 300]
    .local/venv/bin/python bench/queue_job_eval.py -d bench_ops_qj one-node [--jobs 40]
    .local/venv/bin/python bench/queue_job_eval.py -d bench_ops_qj two-nodes [--jobs 40]
    .local/venv/bin/pip uninstall -y odoo11-addon-queue-job   # afterwards; drop bench_ops_qj

``kill``: one node (``--load=web,queue_job``, 2 workers, channel root:2), one
job of 60 s; once it runs, SIGKILL of the worker running it; then the job's
state is watched for ``--watch`` seconds, the node restarted, and watched
again. ``two-nodes``: two nodes on the same database, each with its
jobrunner (what "any node runs them" means with queue_job 11.0), ``--jobs``
jobs of 0.5 s queued at once; it counts the executions of each job
(``one-node``: the same with one node, the baseline). Empty the probe's
tables between two runs (``delete from qj_probe_run; delete from queue_job``).
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster  # noqa: E402

PROBE_PATH = "addons,bench/queue_job_eval"


def node(name, db, port):
    return cluster.Node(name, db, port, workers=2, cron_threads=0, extra=[
        "--load=web,queue_job", "--addons-path=" + PROBE_PATH], env={
            "ODOO_QUEUE_JOB_CHANNELS": "root:2", "ODOO_QUEUE_JOB_PORT": str(port)})


def states(rpc):
    return {job["uuid"][:8]: job["state"] for job in rpc(
        "queue.job", "search_read", [], fields=["uuid", "state"])}


def watch(rpc, seconds, label):
    start = time.time()
    seen = None
    while time.time() - start < seconds:
        current = states(rpc)
        if current != seen:
            print("  %5.0f s %s: %s" % (time.time() - start, label, current))
            seen = current
        time.sleep(5)
    print("  %5.0f s %s: %s (end of watch)" % (time.time() - start, label, seen))
    return seen


def run_kill(args):
    first = node("qj", args.database, args.port).start().wait()
    try:
        rpc = cluster.Rpc(first.url, args.database, "admin", "admin")
        rpc("qj.probe.run", "enqueue", 1, 60)
        limit = time.time() + 120
        runs = []
        while time.time() < limit and not runs:
            runs = rpc("qj.probe.run", "search_read", [], fields=["pid", "node"])
            time.sleep(0.5)
        if not runs:
            sys.exit("the job did not start")
        pid = runs[0]["pid"]
        print("%s (%s): job started in worker %d; SIGKILL" % (cluster.now(), cluster.uptime(),
                                                              pid))
        time.sleep(2)
        cluster.kill_exactly(pid, first)
        watch(rpc, args.watch, "after kill -9")
    finally:
        first.stop()
    print("%s: node restarted" % cluster.now())
    second = node("qj", args.database, args.port).start().wait()
    try:
        rpc = cluster.Rpc(second.url, args.database, "admin", "admin")
        watch(rpc, min(args.watch, 120), "after restart")
        runs = rpc("qj.probe.run", "search_read", [], fields=["pid", "finished"])
        print("executions: %s" % runs)
    finally:
        second.stop()


def run_nodes(args, count):
    nodes = [node("qja", args.database, args.port), node("qjb", args.database, args.port + 2)]
    nodes = nodes[:count]
    for one in nodes:
        one.start()
    try:
        for one in nodes:
            one.wait()
        time.sleep(15)  # queue_job's runners start 10 s after their server
        rpc = cluster.Rpc(nodes[0].url, args.database, "admin", "admin")
        print("%s (%s): %d jobs of 0.5 s queued, %d jobrunner(s)" % (
            cluster.now(), cluster.uptime(), args.jobs, count))
        rpc("qj.probe.run", "enqueue", args.jobs, 0.5)
        limit = time.time() + 300
        while time.time() < limit:
            left = rpc("queue.job", "search_count", [("state", "!=", "done")])
            if not left:
                break
            time.sleep(2)
        for label, domain in (("started", []), ("committed", [("finished", "=", True)])):
            runs = rpc("qj.probe.run", "read_group", domain, ["key"], ["key"])
            twice = [r for r in runs if r["key_count"] > 1]
            print("%s executions: %d for %d jobs; jobs with more than one: %d (%s)" % (
                label, sum(r["key_count"] for r in runs), args.jobs, len(twice),
                ", ".join("%s×%d" % (r["key"], r["key_count"]) for r in twice[:10])))
        retried = rpc("queue.job", "search_count", [("retry", ">", 1)])
        nodes_used = rpc("qj.probe.run", "read_group", [], ["node"], ["node"])
        print("jobs not done: %d; jobs run again (retry > 1): %d; executions per node: %s" % (
            left, retried, {r["node"]: r["node_count"] for r in nodes_used}))
    finally:
        for one in nodes:
            one.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("what", choices=("kill", "one-node", "two-nodes"))
    parser.add_argument("--port", type=int, default=8342)
    parser.add_argument("--watch", type=int, default=300, help="seconds")
    parser.add_argument("--jobs", type=int, default=40)
    args = parser.parse_args()
    if args.what == "kill":
        run_kill(args)
    else:
        run_nodes(args, 2 if args.what == "two-nodes" else 1)


if __name__ == "__main__":
    main()
