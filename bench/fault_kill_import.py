"""Fault run: ``kill -9`` of the cron worker in the middle of a background
import (readme of cdb_departement, IMPORTS.rst, "Background jobs").

    .local/venv/bin/python bench/fault_kill_import.py -d DB [--lines 10000] [--nodes 2]
        [--port 8350] [--kill-at 4000]

It starts one node (or two on PORT and PORT+10: each with one cron worker,
as two production nodes), queues over XML-RPC as ``bench.manager`` an
import of ``--lines`` new beneficiaries, waits until the job is writing
and has committed ``--kill-at`` lines, reads the job's *Process*
(``worker``: host:pid), checks that this pid is the cron worker of one of
the nodes it started, and sends it SIGKILL — in the middle of the next
chunk. Then it waits for the job to end (Odoo's master starts a new cron
worker; the cron of any node finds the job whose process died) and checks
in the database, over XML-RPC as the administrator:

- the job is *done*, every line created or unchanged, none rejected, and
  its chatter says it was interrupted (naming the killed process);
- no duplicate: one beneficiary per CAF number of the file, one carnet each;
- no half-written carnet: every beneficiary of the file has its carnet,
  whose référent, membership, situation and orientation exist.

Exit 1 when a check fails. The database needs the generated users
(bench/generate.py).
"""
import argparse
import base64
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster  # noqa: E402


JOB_FIELDS = ["state", "rows_done", "rows_total", "worker", "created_count", "unchanged_count",
              "rejected_count", "heartbeat"]


def wait_job(rpc, job_id, test, timeout):
    limit = time.time() + timeout
    job = None
    while time.time() < limit:
        job = rpc("cdb.import.job", "read", [job_id], fields=JOB_FIELDS)[0]
        if test(job):
            return job
        time.sleep(0.2)
    raise RuntimeError("timeout; job: %s" % job)


def check_records(admin, run, lines):
    """The checks on what the import wrote: {check: (value, ok)}."""
    prefix = "Faute%d-%%" % run
    partners = admin("res.partner", "search_read", [("lastname", "=like", prefix)],
                     fields=["caf_number", "cdb_notebook_ids"])
    cafs = [p["caf_number"] for p in partners]
    notebook_ids = [n for p in partners for n in p["cdb_notebook_ids"]]
    notebooks = admin("cdb.notebook", "read", notebook_ids, fields=[
        "referent_id", "member_ids", "situation_ids", "orientation_ids"])
    half = [n["id"] for n in notebooks if not (
        n["referent_id"] and n["member_ids"] and n["situation_ids"] and n["orientation_ids"])]
    return {
        "beneficiaries of the file": (len(partners), len(partners) == lines),
        "distinct CAF numbers": (len(set(cafs)), len(set(cafs)) == lines),
        "beneficiaries with exactly one carnet": (
            sum(1 for p in partners if len(p["cdb_notebook_ids"]) == 1),
            all(len(p["cdb_notebook_ids"]) == 1 for p in partners)),
        "carnets without référent, member, situation or orientation": (len(half), not half),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--lines", type=int, default=10000)
    parser.add_argument("--nodes", type=int, choices=(1, 2), default=1)
    parser.add_argument("--port", type=int, default=8350)
    parser.add_argument("--kill-at", type=int, default=4000,
                        help="lines written and committed before the kill")
    parser.add_argument("--timeout", type=int, default=900)
    args = parser.parse_args()
    nodes = [cluster.Node(chr(ord("a") + i), args.database, args.port + 10 * i, workers=2,
                          cron_threads=1) for i in range(args.nodes)]
    print("%s, %s, %d cores; %d node(s)" % (
        cluster.now(), cluster.uptime(), os.cpu_count(), args.nodes))
    ok = False
    try:
        for node in nodes:
            node.start()
        for node in nodes:
            node.wait()
        rpc = cluster.Rpc(nodes[0].url, args.database, "bench.manager")
        admin = cluster.Rpc(nodes[0].url, args.database, "admin", "admin")
        structure, referent = cluster.import_people(rpc)
        run = int(time.time()) % 100000
        job_id = rpc("cdb.import.job", "create", {
            "import_type": "beneficiary", "filename": "kill_%d.csv" % run,
            "file": base64.b64encode(cluster.beneficiary_csv(
                args.lines, run, structure, referent)).decode()})
        rpc("cdb.import.job", "action_queue", [job_id])
        queued = time.time()
        print("job %d: %d lines queued at %s" % (job_id, args.lines, cluster.now()))
        job = wait_job(rpc, job_id, lambda j: (j["state"] == "running"
                                               and j["rows_done"] >= args.kill_at),
                       args.timeout)
        pid = int(job["worker"].rsplit(":", 1)[1])
        owner = [n for n in nodes if n.owns(pid)]
        if not owner:
            raise RuntimeError("the job's worker %s is none of our nodes' processes"
                               % job["worker"])
        time.sleep(0.5)  # into the next chunk
        cluster.kill_exactly(pid, owner[0])
        killed = time.time()
        print("%.0f s: SIGKILL to %s (cron worker of node %s) at %d/%d lines (%s)" % (
            killed - queued, job["worker"], owner[0].name, job["rows_done"], job["rows_total"],
            cluster.uptime()))
        dead = job["worker"]
        job = wait_job(rpc, job_id, lambda j: j["worker"] != dead and j["state"] != "queued",
                       args.timeout)
        resumed = time.time()
        pid2 = int(job["worker"].rsplit(":", 1)[1])
        where = [n.name for n in nodes if n.owns(pid2)]
        print("%.0f s after the kill: taken again by %s (node %s)" % (
            resumed - killed, job["worker"], ", ".join(where) or "?"))
        job = wait_job(rpc, job_id, lambda j: j["state"] in ("done", "failed", "invalid"),
                       args.timeout)
        print("%.0f s after the kill: %s, %d created, %d unchanged, %d rejected" % (
            time.time() - killed, job["state"], job["created_count"], job["unchanged_count"],
            job["rejected_count"]))
        messages = admin("mail.message", "search_read", [
            ("model", "=", "cdb.import.job"), ("res_id", "=", job_id)], fields=["body"],
            order="id")
        said = [m["body"] for m in messages if ":%d)" % pid in m["body"]]
        print("chatter: %s" % (said[0] if said else "NOTHING about the interruption"))
        checks = check_records(admin, run, args.lines)
        checks["job done, every line created or unchanged"] = (
            job["created_count"] + job["unchanged_count"],
            job["state"] == "done" and job["created_count"] + job["unchanged_count"] == args.lines
            and not job["rejected_count"])
        checks["the chatter says what happened"] = (len(said), len(said) == 1)
        for name, (value, good) in checks.items():
            print("check: %-60s %8s  %s" % (name, value, "OK" if good else "FAILED"))
        ok = all(good for _value, good in checks.values())
    finally:
        for node in nodes:
            node.stop()
    print("%s, %s: %s" % (cluster.now(), cluster.uptime(), "OK" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
