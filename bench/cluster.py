"""Odoo nodes for the two-node and fault runs: start them with the project's
scripts (scripts/odoo.sh: odoo.conf, so the same ``data_dir`` — filestore
and sessions — for every node of this checkout), find their processes,
stop exactly them; and a small XML-RPC client.

Used by bench/two_nodes.py, bench/fault_kill_import.py,
bench/fault_pg_restart.py and bench/queue_job_eval.py.
"""
import os
import signal
import subprocess
import time
import urllib.request
import xmlrpc.client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOGS = os.path.join(ROOT, ".local")


def uptime():
    with open("/proc/loadavg") as handle:
        return "load average %s" % ", ".join(handle.read().split()[:3])


def now():
    return time.strftime("%Y-%m-%d %H:%M:%S %Z")


class Node(object):
    """One Odoo server (``scripts/odoo.sh``) of its own process group."""

    def __init__(self, name, db, port, workers=2, cron_threads=1, extra=(), env=None):
        self.name, self.db, self.port = name, db, port
        self.url = "http://127.0.0.1:%d" % port
        self.log_path = os.path.join(LOGS, "node_%s_%d.log" % (name, port))
        self.command = ["bash", "scripts/odoo.sh", "-d", db, "--db-filter", "^%s$" % db,
                        "--http-port", str(port), "--longpolling-port", str(port + 1),
                        "--workers", str(workers), "--max-cron-threads", str(cron_threads),
                        "--proxy-mode", "--log-level", "info"] + list(extra)
        self.env = dict(os.environ, **(env or {}))
        self.process = None

    def start(self):
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(self.command, cwd=ROOT, stdout=log,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        env=self.env, start_new_session=True)
        return self

    def wait(self, timeout=300):
        limit = time.time() + timeout
        while time.time() < limit:
            if self.process.poll() is not None:
                raise RuntimeError("node %s exited (%s), log %s" % (
                    self.name, self.process.returncode, self.log_path))
            try:
                urllib.request.urlopen(self.url + "/web/login", timeout=30).read()
                return self
            except Exception:  # pylint: disable=broad-except
                time.sleep(1)
        raise RuntimeError("node %s does not answer on %s" % (self.name, self.url))

    def pids(self):
        """The processes of this node: the script's shell and every
        descendant (Odoo's master, its HTTP, cron and longpolling workers)."""
        if not self.process:
            return set()
        children = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                parent = _ppid(int(entry))
                if parent:
                    children.setdefault(parent, []).append(int(entry))
        found, todo = set(), [self.process.pid]
        while todo:
            pid = todo.pop()
            found.add(pid)
            todo.extend(children.get(pid, []))
        return found

    def owns(self, pid):
        return pid in self.pids()

    def stop(self):
        """SIGTERM to the node's process group, SIGKILL after 30 s."""
        if not self.process or self.process.poll() is not None:
            return
        for sig, grace in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(grace)
                return
            except subprocess.TimeoutExpired:
                continue


def _ppid(pid):
    try:
        with open("/proc/%d/stat" % pid) as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def kill_exactly(pid, node):
    """SIGKILL ``pid`` after checking that it is one of ``node``'s Odoo
    processes (not a reused pid, not someone else's process)."""
    with open("/proc/%d/cmdline" % pid, "rb") as handle:
        command = handle.read().replace(b"\0", b" ").decode()
    if not node.owns(pid) or "bin/odoo" not in command:
        raise RuntimeError("pid %d is not a process of node %s: %s" % (pid, node.name, command))
    os.kill(pid, signal.SIGKILL)


class Rpc(object):
    """A user over XML-RPC."""

    def __init__(self, url, db, login, password=None):
        self.url, self.db, self.login = url, db, login
        self.password = password or login
        common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common")
        self.uid = common.authenticate(db, login, self.password, {})
        if not self.uid:
            raise RuntimeError("%s cannot log in on %s" % (login, url))
        self.proxy = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object", allow_none=True)

    def __call__(self, model, method, *args, **kwargs):
        return self.proxy.execute_kw(self.db, self.uid, self.password, model, method,
                                     list(args), kwargs)


def beneficiary_csv(count, run, structure, referent):
    """A beneficiaries' file of ``count`` new people (CAF numbers and
    references of their own for ``run``), every line valid."""
    header = ["Nom", "Prénom", "Date de naissance", "Numéro CAF/MSA", "Identifiant interne",
              "Code postal", "Ville", "Niveau d'études", "Métiers recherchés (ROME)",
              "Structure", "E-mail du référent", "Orientation", "Date d'orientation",
              "Situation : logement", "Ressources du foyer"]
    lines = [";".join(header)]
    for index in range(count):
        lines.append(";".join([
            "Faute%d-%05d" % (run, index), "Élodie", "%02d/%02d/%d" % (
                1 + index % 28, 1 + index % 12, 1960 + index % 44),
            "%013d" % (run * 10 ** 6 + index), "F%d-%d" % (run, index), "62000", "Arras",
            "IV", "K1302", structure, referent, "Solidarité", "02/09/2026", "Locataire",
            "300,50"]))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def import_people(rpc):
    """(structure name, référent login) that an import file may name: a
    generated référent and their structure, else the demo ones."""
    for login in ("bench.ref.00001", "referent.social"):
        users = rpc("res.users", "search_read", [("login", "=", login)],
                    fields=["login", "cdb_structure_id"])
        if users and users[0]["cdb_structure_id"]:
            return users[0]["cdb_structure_id"][1], login
    raise RuntimeError("no référent with a structure to import with")
