"""Top-level end-to-end tests: a real Odoo server on a real database.

The database (``CDB_TEST_DB``) must already hold carnet_de_bord,
rsa_orientation and cer_contracts with their demo data (scripts/test.sh
creates it). This conftest starts the server on port 8169, waits until the
login page answers, and stops it at the end of the session. Screenshots and
the server log go to ``CDB_ARTIFACTS``.
"""
import atexit
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from e2e_helpers import Rpc, french

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("CDB_TEST_PORT", "8169"))
BASE_URL = "http://127.0.0.1:%d" % PORT
STARTUP_TIMEOUT = 120
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


# --------------------------------------------------------------- settings
def _database():
    db = os.environ.get("CDB_TEST_DB")
    if not db:
        pytest.exit("Set CDB_TEST_DB to a database holding carnet_de_bord, rsa_orientation "
                    "and cer_contracts with demo data (scripts/test.sh does it).",
                    returncode=4)
    return db


def _artifacts():
    folder = Path(os.environ.get("CDB_ARTIFACTS") or ROOT / "test-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def db_name():
    return _database()


@pytest.fixture(scope="session")
def artifacts():
    return _artifacts()


# ----------------------------------------------------------------- server
def _log_tail(path, lines=60):
    try:
        text = Path(path).read_text(errors="replace")
    except OSError:
        return "(no server log)"
    return "\n".join(text.splitlines()[-lines:])


def _port_in_use(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


class OdooServer:
    def __init__(self, db, log_path):
        self.db = db
        self.log_path = Path(log_path)
        self.url = BASE_URL
        self.process = None
        self._log = None

    def start(self):
        if _port_in_use(PORT):
            pytest.exit("Port %d is already in use: stop the server listening on it "
                        "before running the end-to-end tests." % PORT, returncode=3)
        self._log = open(self.log_path, "w")
        command = [
            "bash", str(ROOT / "scripts" / "odoo.sh"), "-d", self.db,
            "--db-filter=^%s$" % re.escape(self.db), "--http-port=%d" % PORT,
            "--workers=0", "--max-cron-threads=0", "--log-level=warn",
        ]
        self.process = subprocess.Popen(
            command, cwd=str(ROOT), stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + STARTUP_TIMEOUT
        last_error = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                pytest.exit("The Odoo server exited with code %s before answering.\n"
                            "Server log (%s):\n%s" % (self.process.returncode,
                                                      self.log_path, _log_tail(self.log_path)),
                            returncode=3)
            try:
                with urllib.request.urlopen(self.url + "/web/login", timeout=30) as resp:
                    if resp.status == 200:
                        return self
                    last_error = "HTTP %s" % resp.status
            except urllib.error.HTTPError as exc:
                last_error = "HTTP %s" % exc.code
            except (urllib.error.URLError, ConnectionError, socket.timeout) as exc:
                last_error = str(exc)
            time.sleep(0.5)
        self.stop()
        pytest.exit("The Odoo server did not answer 200 on /web/login within %d s "
                    "(last: %s).\nServer log (%s):\n%s" % (
                        STARTUP_TIMEOUT, last_error, self.log_path,
                        _log_tail(self.log_path)), returncode=3)

    def _group_alive(self):
        """True while a process of the server's group runs (zombies aside:
        they hold no port, and nobody may reap them here)."""
        try:
            os.killpg(self.process.pid, 0)
        except ProcessLookupError:
            return False
        if not os.path.isdir("/proc/self"):
            return True
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % entry) as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[2]) == self.process.pid and fields[0] != "Z":
                return True
        return False

    def stop(self):
        """Stop the whole process group (bash and Odoo's Python), and wait
        until every process of it is gone so that the port is free."""
        if self.process and self._group_alive():
            for sig, grace in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                deadline = time.monotonic() + grace
                while time.monotonic() < deadline:
                    self.process.poll()  # reap bash
                    if not self._group_alive():
                        break
                    time.sleep(0.1)
                else:
                    continue
                break
            self.process.poll()
        if self._log:
            self._log.close()
            self._log = None

    def log_size(self):
        try:
            return self.log_path.stat().st_size
        except OSError:
            return 0

    def log_since(self, offset):
        try:
            with open(self.log_path, "rb") as handle:
                handle.seek(offset)
                return handle.read().decode("utf-8", "replace")
        except OSError:
            return ""


@pytest.fixture(scope="session")
def odoo_server(db_name, artifacts):
    server = OdooServer(db_name, artifacts / "odoo-server.log")
    atexit.register(server.stop)  # even if the session is interrupted
    server.start()
    yield server
    server.stop()


# ---------------------------------------------------------------- XML-RPC
@pytest.fixture(scope="session")
def connect(odoo_server, db_name):
    """connect(login[, password]) -> Rpc, cached per login."""
    cache = {}

    def _connect(login, password=None):
        if login not in cache:
            cache[login] = Rpc(odoo_server.url, db_name, login, password)
        return cache[login]
    return _connect


# The setting of the date of the new regime (rsa_orientation/settings.py).
NEW_REGIME_KEY = "rsa_orientation.new_regime_date"


@pytest.fixture(scope="module")
def guide_regime(connect):
    """A département still on the guide while the module's tests run: the
    law would apply from 2100 only (the setting of the new regime moved
    on), so the orientations decided today follow the guide's rules (CER,
    PPAE); the setting is restored after. A module about the guide says so
    with ``pytestmark = pytest.mark.usefixtures("guide_regime")``."""
    admin = connect("admin")
    previous = admin.call("ir.config_parameter", "get_param", NEW_REGIME_KEY)
    admin.call("ir.config_parameter", "set_param", NEW_REGIME_KEY, "2100-01-01")
    yield
    admin.call("ir.config_parameter", "set_param", NEW_REGIME_KEY, previous or False)


@pytest.fixture(scope="session")
def manager(connect):
    return connect("manager")


@pytest.fixture(scope="session")
def social(connect):
    return connect("referent.social")


@pytest.fixture(scope="session")
def pro(connect):
    return connect("referent.pro")


@pytest.fixture(scope="session")
def correspondant(connect):
    """A delegate of the President for the demo territory Arrageois."""
    return connect("correspondant")


@pytest.fixture(scope="session")
def expected_text():
    """expected_text(msgid) -> the message a user gets with {'lang': 'fr_FR'}:
    the French translation once carnet_de_bord's fr.po translates it, else
    the English msgid."""
    return lambda msgid: french(msgid) or msgid


# ----------------------------------------------------- report on failure
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)
    server = item.funcargs.get("odoo_server") if hasattr(item, "funcargs") else None
    if report.failed and server is not None and report.when == "call":
        start = getattr(item, "_server_log_offset", 0)
        text = server.log_since(start).strip()
        if text:
            report.sections.append(("Odoo server log during the test",
                                    "\n".join(text.splitlines()[-80:])))


@pytest.fixture(autouse=True)
def _mark_server_log(request):
    if "odoo_server" in request.fixturenames:
        server = request.getfixturevalue("odoo_server")
        request.node._server_log_offset = server.log_size()
    yield


# ---------------------------------------------------------------- browser
@pytest.fixture(scope="session")
def browser(odoo_server):
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, odoo_server, artifacts, request):
    """A fresh browser context (no cookies) and page; a full-page screenshot
    is saved in CDB_ARTIFACTS when the test fails."""
    from playwright.sync_api import expect
    expect.set_options(timeout=20000)
    context = browser.new_context(viewport={"width": 1366, "height": 900},
                                  base_url=odoo_server.url, locale="fr-FR")
    context.set_default_timeout(30000)
    context.set_default_navigation_timeout(90000)  # first load may build the assets
    new_page = context.new_page()
    inflight = set()
    new_page.on("request", lambda req: inflight.add(req)
                if "/longpolling/" not in req.url else None)
    new_page.on("requestfinished", lambda req: inflight.discard(req))
    new_page.on("requestfailed", lambda req: inflight.discard(req))
    request.node._inflight_requests = inflight
    yield new_page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        try:
            new_page.screenshot(path=str(artifacts / ("FAILED-%s.png" % name)), full_page=True)
        except Exception as exc:  # the page may be gone: the report matters more
            print("could not take the failure screenshot: %s" % exc)
    context.close()


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, odoo_server):
    """A fresh phone-sized browser context (the beneficiary's portal)."""
    from playwright.sync_api import expect
    expect.set_options(timeout=20000)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  base_url=odoo_server.url, locale="fr-FR")
    context.set_default_timeout(30000)
    context.set_default_navigation_timeout(90000)
    yield context.new_page()
    context.close()


@pytest.fixture
def js_errors(page):
    """JavaScript errors of the page: console.error messages and uncaught
    exceptions, collected from before the first navigation."""
    errors = []
    page.on("console", lambda msg: errors.append("console.error: %s" % msg.text)
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append("uncaught: %s\n%s" % (
        exc, getattr(exc, "stack", "") or "")))
    return errors


@pytest.fixture
def wait_idle(page, request):
    """wait_idle(): wait until the web client is idle: no request in flight
    (the bus's long polling aside) and no loading indicator, for a few
    polls in a row, so that a request a click schedules is not missed."""
    inflight = request.node._inflight_requests

    def _wait_idle(timeout=30.0, quiet_polls=4):
        deadline = time.monotonic() + timeout
        quiet = 0
        while quiet < quiet_polls:
            if time.monotonic() > deadline:
                raise AssertionError("the web client stayed busy for %s s; pending: %s" % (
                    timeout, sorted(req.url for req in inflight)))
            page.wait_for_timeout(50)  # also lets Playwright deliver the events
            busy = inflight or page.locator(".o_loading:visible").count()
            quiet = 0 if busy else quiet + 1
    return _wait_idle
