"""Two Odoo 11 RPC workarounds, applied when cdb_base is loaded.

**A method that answers nothing.** Odoo 11 marshals XML-RPC answers with
``allow_none=False``: a method returning ``None`` — after its transaction was
committed — answers the client a fault ("cannot marshal None"), although
the change was made; the client believes it failed and may do it again.
Here ``None`` is marshalled as ``False`` (XML-RPC has no "nothing"), the
answer Odoo's own methods give; JSON-RPC already answers ``null``. The
methods of the carnet de bord modules answer ``True`` or an action anyway.

**Context keys that are switches.** A client sends the context of its call.
Some keys are server switches that weaken an audit or a security rule:
``tracking_disable`` and ``mail_notrack`` silence the tracking of the
fields (the history of who changed what, readme DATA_PROTECTION),
``mail_create_nolog`` the creation message, ``install_mode`` and
``install_mode_data`` tell the ORM and the modules data files are being
loaded (skipping checks meant for users). They are removed from every
context a client sends through RPC (``odoo.api.call_kw``: XML-RPC's
``execute_kw`` and the web client's ``call_kw`` / ``call_button``); server
code keeps using them. Keys that *add* something (``cdb_access_reason``,
``lang``, ``default_*``) are kept.
"""
import xmlrpc.client

from odoo import api

SERVER_ONLY_CONTEXT_KEYS = frozenset([
    "tracking_disable", "mail_notrack", "mail_create_nolog", "install_mode",
    "install_mode_data",
])

# Odoo's own, also when this module is imported again
_odoo_split_context = getattr(api.split_context, "odoo_original", api.split_context)


def _dump_none(marshaller, value, write):
    """None as False, unless the marshaller allows <nil/>."""
    if marshaller.allow_none:
        xmlrpc.client.Marshaller.dump_nil(marshaller, value, write)
    else:
        marshaller.dump_bool(False, write)


def client_context(context):
    """``context`` without the server-only keys."""
    if isinstance(context, dict) and SERVER_ONLY_CONTEXT_KEYS.intersection(context):
        return {key: value for key, value in context.items()
                if key not in SERVER_ONLY_CONTEXT_KEYS}
    return context


def split_context(method, args, kwargs):
    """``odoo.api.split_context`` for the calls of clients: the context they
    sent, without the server-only keys."""
    context, args, kwargs = _odoo_split_context(method, args, kwargs)
    return client_context(context), args, kwargs


split_context.odoo_original = _odoo_split_context


def patch():
    xmlrpc.client.Marshaller.dispatch[type(None)] = _dump_none
    api.split_context = split_context


patch()
