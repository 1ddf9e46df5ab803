"""cdb_base/rpc.py: an answer of nothing is False over XML-RPC, and a
client's context carries no server-only switch."""
import xmlrpc.client

from odoo import api
from odoo.tests.common import TransactionCase

from ..rpc import SERVER_ONLY_CONTEXT_KEYS, client_context


class TestRpc(TransactionCase):

    def test_none_is_marshalled_as_false(self):
        """Odoo 11 answers with allow_none=False: None used to be a fault
        after the transaction was committed."""
        answer = xmlrpc.client.dumps((None,), methodresponse=1, allow_none=False)
        self.assertEqual(xmlrpc.client.loads(answer)[0], (False,))
        nested = xmlrpc.client.dumps(({"a": None, "b": [1, None]},), methodresponse=1)
        self.assertEqual(xmlrpc.client.loads(nested)[0], ({"a": False, "b": [1, False]},))
        self.assertIn("<nil/>", xmlrpc.client.dumps((None,), allow_none=True))

    def test_client_context_has_no_switch(self):
        context = dict.fromkeys(SERVER_ONLY_CONTEXT_KEYS, True)
        context.update(lang="fr_FR", cdb_access_reason="Contrôle")
        self.assertEqual(client_context(context),
                         {"lang": "fr_FR", "cdb_access_reason": "Contrôle"})

    def test_call_kw_drops_the_switches(self):
        """What XML-RPC's execute_kw and the web client's call_kw go through."""
        seen = {}
        Partner = self.env["res.partner"]

        def context_get(records):
            seen.update(records.env.context)
            return True
        type(Partner).cdb_test_context = api.model(context_get)
        try:
            api.call_kw(Partner, "cdb_test_context", [], {"context": {
                "tracking_disable": True, "install_mode": True, "lang": "fr_FR"}})
        finally:
            del type(Partner).cdb_test_context
        self.assertEqual(seen.get("lang"), "fr_FR")
        self.assertFalse(seen.get("tracking_disable") or seen.get("install_mode"))
