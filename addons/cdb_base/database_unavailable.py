"""A database server that cannot be reached answers 503 and keeps the
users' sessions (issue 15, "PostgreSQL restarted during the load test").

Odoo 11's ``odoo.http.Root.dispatch`` checks the registry of the session's
database first (``Registry.check_signaling``, one query); on any
``psycopg2.OperationalError`` it *logs the session out* and falls back to
the routes without database. While PostgreSQL restarts, every web user
with a request in flight is thereby logged out: after the restart the web
client says "Session expired" and the user logs in again (measured:
bench/fault_pg_restart.py, docs/benchmarks.md). Here ``check_signaling``
turns the errors of an unreachable server — no SQLSTATE (could not
connect, connection closed) or classes 08 (connection exception) and 57P
(server shut down, starting up) — into ``DatabaseUnavailable``, a
``werkzeug`` 503 that ``Root.dispatch`` answers as it is: the web client
shows its own "connection lost, trying to reconnect" notice and carries on
once the server answers again, with the same session. Other errors (a
database that does not exist: 3D000) keep Odoo's behaviour.

Loaded with the module's Python code, hence in every server process once
it has loaded the registry of a database holding cdb_base: the outage of a
running server is the case it is for.
"""
import logging

import psycopg2
import werkzeug.exceptions

from odoo.modules.registry import Registry

_logger = logging.getLogger(__name__)

# SQLSTATE classes of a server that cannot be reached
UNREACHABLE_CLASSES = ("08", "57P")


class DatabaseUnavailable(werkzeug.exceptions.ServiceUnavailable):
    """503: the database server cannot be reached; the session is kept."""

    description = ("The database server cannot be reached (it is restarting or stopped): "
                   "your session is kept, try again in a moment.")


def is_unreachable(error):
    """True when ``error`` says the database server cannot be reached."""
    if not isinstance(error, psycopg2.OperationalError):
        return False
    code = getattr(error, "pgcode", None)
    return code is None or code.startswith(UNREACHABLE_CLASSES)


_check_signaling = Registry.check_signaling


def check_signaling(self):
    try:
        return _check_signaling(self)
    except psycopg2.OperationalError as error:
        if not is_unreachable(error):
            raise
        _logger.warning("Database %s unreachable, answering 503: %s", self.db_name,
                        str(error).strip().splitlines()[0] if str(error).strip() else error)
        raise DatabaseUnavailable()


Registry.check_signaling = check_signaling
