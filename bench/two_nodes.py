"""Two Odoo nodes on one database, with the shared filestore and sessions
and a small reverse proxy in front (README, "Passer à l'échelle").

    .local/venv/bin/python bench/two_nodes.py -d DB [--port 8320] [--workers 2]
        [--clients 20] [--duration 60] [--lines 3000]

It starts node A on PORT (``--max-cron-threads 0``: it runs no background
work) and node B on PORT+10 (one cron worker), both with
``scripts/odoo.sh`` — hence the same odoo.conf and the same ``data_dir``
(``.local/filestore``: the attachments and the HTTP sessions of every
node) — ``--workers N`` and ``--proxy-mode``, and bench/proxy.py on PORT+20
sending each request to the next node in turn. Then it shows, and prints:

1. **sessions**: a user logs in on node A (``/web/session/authenticate``),
   then the same session cookie reads the carnets on node B, then through
   the proxy (every other request on each node);
2. **background import**: a beneficiaries' file of ``--lines`` lines is
   queued over XML-RPC on node A (``action_queue`` as ``bench.manager``);
   node B's cron processes it: the job's *Process* (``worker``) is a
   process of node B;
3. **load over both nodes**: bench/bench_rpc.py's référents (XML-RPC and
   the web client's JSON-RPC), ``--clients`` for ``--duration`` seconds
   through the proxy: the errors (there must be none) and the latencies.

Exit 1 when one of them fails. Every process it started is stopped at the
end (their exact process groups). The database needs the generated users
(bench/generate.py: ``bench.manager``, ``bench.ref.*``).
"""
import argparse
import base64
import http.cookiejar
import json
import os
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_rpc  # noqa: E402
import cluster  # noqa: E402
import proxy  # noqa: E402


class Browser(object):
    """A session cookie, as a browser keeps it."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies))
        self.last_node = None

    def json(self, url, path, params):
        request = urllib.request.Request(url + path, data=json.dumps({
            "jsonrpc": "2.0", "method": "call", "params": params, "id": 1}).encode(),
            headers={"Content-Type": "application/json"})
        with self.opener.open(request, timeout=120) as response:
            self.last_node = response.headers.get("X-Node")
            answer = json.loads(response.read().decode())
        if answer.get("error"):
            raise RuntimeError(answer["error"])
        return answer["result"]

    def session_id(self):
        return [c.value for c in self.cookies if c.name == "session_id"]


def check_sessions(db, node_a, node_b, proxy_url):
    """A user logged in on A keeps working on B and through the proxy."""
    browser = Browser()
    info = browser.json(node_a.url, "/web/session/authenticate", {
        "db": db, "login": "bench.ref.00001", "password": "bench.ref.00001"})
    uid, cookie = info["uid"], browser.session_id()
    print("sessions: bench.ref.00001 logged in on node A (uid %s, session %s…)" % (
        uid, cookie[0][:8]))
    on_b = browser.json(node_b.url, "/web/session/get_session_info", {})
    records = browser.json(node_b.url, "/web/dataset/search_read", {
        "model": "cdb.notebook", "fields": ["display_name"], "domain": [], "limit": 80,
        "context": {"lang": "fr_FR"}})
    ok = on_b.get("uid") == uid and records["length"] > 0
    print("sessions: same cookie on node B: uid %s, %d carnets listed -> %s" % (
        on_b.get("uid"), records["length"], "OK" if ok else "FAILED"))
    nodes, failures = {}, 0
    for _index in range(10):
        try:
            answer = browser.json(proxy_url, "/web/dataset/search_read", {
                "model": "cdb.notebook", "fields": ["display_name"], "domain": [],
                "limit": 5, "context": {"lang": "fr_FR"}})
            nodes[browser.last_node] = nodes.get(browser.last_node, 0) + 1
            failures += not answer["records"]
        except Exception as error:  # pylint: disable=broad-except
            print("sessions: through the proxy: %s" % error)
            failures += 1
    same_cookie = browser.session_id() == cookie
    print("sessions: 10 reads through the proxy: %s, %d failed, cookie unchanged: %s" % (
        nodes, failures, same_cookie))
    return ok and not failures and len(nodes) == 2 and same_cookie


def check_import(db, node_a, node_b, lines, timeout):
    """Queued on A, processed by B's cron."""
    rpc = cluster.Rpc(node_a.url, db, "bench.manager")
    structure, referent = cluster.import_people(rpc)
    run = int(time.time()) % 100000
    job_id = rpc("cdb.import.job", "create", {
        "import_type": "beneficiary", "filename": "two_nodes_%d.csv" % run,
        "file": base64.b64encode(cluster.beneficiary_csv(lines, run, structure, referent))
        .decode()})
    rpc("cdb.import.job", "action_queue", [job_id])
    queued = time.time()
    print("import: job %d of %d lines queued on node A (no cron there) at %s" % (
        job_id, lines, cluster.now()))
    job = {}
    while time.time() - queued < timeout:
        job = rpc("cdb.import.job", "read", [job_id], fields=[
            "state", "worker", "rows_done", "created_count"])[0]
        if job["state"] in ("done", "failed", "invalid"):
            break
        time.sleep(2)
    pid = int(job["worker"].rsplit(":", 1)[1]) if job.get("worker") else 0
    where = "node B" if node_b.owns(pid) else "node A" if node_a.owns(pid) else "?"
    print("import: %s after %.0f s, %d created, processed by %s = %s" % (
        job.get("state"), time.time() - queued, job.get("created_count", 0), job.get("worker"),
        where))
    return job.get("state") == "done" and job["created_count"] == lines and where == "node B"


def check_load(db, proxy_url, clients, duration):
    print("load: %d référents for %d s through the proxy (%s)" % (clients, duration,
                                                                  cluster.uptime()))
    started = bench_rpc.make_clients([proxy_url], db, clients, duration, "both")
    elapsed = bench_rpc.run_clients(started, duration)
    print("load: after (%s)" % cluster.uptime())
    bench_rpc.report(started, elapsed, db, "proxy " + proxy_url)
    return not any(c.errors for c in started)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--port", type=int, default=8320)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--lines", type=int, default=3000)
    parser.add_argument("--import-timeout", type=int, default=300)
    args = parser.parse_args()
    node_a = cluster.Node("a", args.database, args.port, args.workers, cron_threads=0)
    node_b = cluster.Node("b", args.database, args.port + 10, args.workers, cron_threads=1)
    print("%s, %s, %d cores" % (cluster.now(), cluster.uptime(), os.cpu_count()))
    print("node A: %s\nnode B: %s" % (" ".join(node_a.command), " ".join(node_b.command)))
    server = None
    try:
        for node in (node_a, node_b):
            node.start()
        for node in (node_a, node_b):
            node.wait()
        server, counts = proxy.serve(args.port + 20, [("127.0.0.1", node_a.port),
                                                      ("127.0.0.1", node_b.port)])
        proxy_url = "http://127.0.0.1:%d" % (args.port + 20)
        results = {
            "sessions": check_sessions(args.database, node_a, node_b, proxy_url),
            "import": check_import(args.database, node_a, node_b, args.lines,
                                   args.import_timeout),
            "load": check_load(args.database, proxy_url, args.clients, args.duration),
        }
        print("requests per node through the proxy: A %d, B %d" % tuple(counts.counts))
    finally:
        if server:
            server.shutdown()
        for node in (node_a, node_b):
            node.stop()
    print("results: %s" % ", ".join("%s %s" % (k, "OK" if v else "FAILED")
                                    for k, v in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
