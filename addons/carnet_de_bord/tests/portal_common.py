"""Helpers of the tests that go through the web server (HttpCase)."""
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.tools import config


class ServerTransactionMixin:
    """Odoo 11's HttpCase serves the requests on a cursor of its own
    (``registry.test_cr``), apart from the test's ``self.cr``: the data a
    request must see, and what a request changed, are on that cursor."""

    def allow_this_database(self):
        """The test server answers for the test database whatever
        ``dbfilter`` the configuration sets (odoo.conf filters on the
        development database): without this, every page answers 404."""
        patcher = patch.dict(config.options, {"dbfilter": "^%s$" % self.env.cr.dbname})
        patcher.start()
        self.addCleanup(patcher.stop)

    def server_env(self, user=None):
        """An environment on the server's cursor, fresh from the database."""
        env = api.Environment(self.registry.test_cr, SUPERUSER_ID, {})
        env.cache.invalidate()
        return env(user=user.id) if user else env
