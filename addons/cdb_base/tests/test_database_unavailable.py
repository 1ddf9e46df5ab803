from unittest.mock import patch

import psycopg2
import werkzeug.exceptions

from odoo.modules.registry import Registry
from odoo.tests.common import TransactionCase

from .. import database_unavailable


class TestDatabaseUnavailable(TransactionCase):
    """The registry check of a web request (Registry.check_signaling)
    answers 503 when PostgreSQL cannot be reached, instead of the
    OperationalError on which Odoo 11 logs the session out."""

    def _check_signaling_raising(self, error):
        registry = self.registry
        with patch.object(database_unavailable, "_check_signaling", side_effect=error):
            return Registry.check_signaling(registry)

    def test_unreachable_server_answers_503(self):
        for error in (psycopg2.OperationalError("could not connect to server"),
                      psycopg2.OperationalError("server closed the connection unexpectedly")):
            with self.assertRaises(werkzeug.exceptions.ServiceUnavailable):
                self._check_signaling_raising(error)

    def test_other_errors_keep_odoo_behaviour(self):
        with self.assertRaises(psycopg2.ProgrammingError):
            self._check_signaling_raising(psycopg2.ProgrammingError("relation does not exist"))

    def test_the_patch_is_in_place(self):
        self.assertIs(Registry.check_signaling, database_unavailable.check_signaling)
        self.assertIs(self.registry.check_signaling(), self.registry)

    def test_sqlstate_classes(self):
        self.assertTrue(database_unavailable.is_unreachable(psycopg2.OperationalError("x")))
        self.assertFalse(database_unavailable.is_unreachable(ValueError("x")))
