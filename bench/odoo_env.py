"""Odoo as a library for the bench scripts, with the project's configuration.

The database connection is the one scripts/lib.sh gives the server (the
project-local PostgreSQL cluster, or CDB_DB_HOST/PORT/USER/PASSWORD), and
odoo.conf gives the rest, so a bench reads the same database as the server.
"""
import contextlib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def db_args():
    """The --db_* arguments of scripts/lib.sh (starts no server). The
    password of an external server (CDB_DB_PASSWORD) goes to libpq as
    PGPASSWORD, never on a command line."""
    out = subprocess.check_output(
        ["bash", "-c", 'source scripts/lib.sh >/dev/null; db_args'], cwd=ROOT)
    if os.environ.get("CDB_DB_HOST") and os.environ.get("CDB_DB_PASSWORD"):
        os.environ.setdefault("PGPASSWORD", os.environ["CDB_DB_PASSWORD"])
    return out.decode().splitlines()


_CONFIGURED = []


def load(dbname, extra=()):
    """Configure Odoo (once per process) and return the registry of ``dbname``."""
    os.chdir(ROOT)  # odoo.conf's paths are relative to the repository root
    import odoo
    if not _CONFIGURED:
        odoo.tools.config.parse_config(
            ["-c", os.path.join(ROOT, "odoo.conf"), "-d", dbname, "--log-level=warn"]
            + db_args() + list(extra))
        _CONFIGURED.append(dbname)
    return odoo.registry(dbname)


@contextlib.contextmanager
def environment(registry, uid=None, context=None):
    """An environment on a new cursor, committed when the block succeeds."""
    import odoo
    from odoo import SUPERUSER_ID, api
    with odoo.api.Environment.manage():
        with registry.cursor() as cr:
            yield api.Environment(cr, uid or SUPERUSER_ID, dict(context or {}))


def progress(message):
    sys.stdout.write(message + "\n")
    sys.stdout.flush()
