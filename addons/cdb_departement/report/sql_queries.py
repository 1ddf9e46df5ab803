"""SQL shared by the exports and the dashboard.

``allowed_ids_query``: the ids a user may read, as SQL.

The delay from the orientation decision to the signed contract:

Guide, "L'ACCOMPAGNEMENT": the référent "Doit, sous un mois après
l'orientation, conclure un contrat" (professional sphere), "sous deux mois
après son orientation" (solidarity sphere); the decision is "le point de
départ du délai pour réaliser les contrats". The deadline itself is
``rsa.orientation.contract_deadline``, computed from the parameters
``rsa_orientation.contract_deadline_*_months``.

Expressions over ``c`` (cer_contract) and ``o`` (its rsa_orientation). When
a contract counts as signed, and from which day, is cer_contracts' rule:
``cer.contract.signed_date`` (stored), the later of the two signatures once
the contract is signed and unless the President rejected it; the first
signature of each orientation is ``orientation_signatures`` (cer_contracts,
models/rsa_orientation.py)."""
from odoo.addons.cer_contracts.models.rsa_orientation import orientation_signatures  # noqa: F401

SIGNATURE_DATE = "c.signed_date"
DELAY_DAYS = "(%s) - o.date_decision" % SIGNATURE_DATE
DEADLINE_DAYS = "o.contract_deadline - o.date_decision"
# Signed after the deadline, or not signed and the deadline has passed.
IS_LATE = ("COALESCE((%s) > o.contract_deadline, %%(today)s > o.contract_deadline)"
           % SIGNATURE_DATE)


def allowed_ids_query(model, domain):
    """SQL selecting the ids of ``model`` that match ``domain`` and that the
    user of ``model.env`` may read, with its parameters: the query of a
    search, access rights and record rules included, without loading the
    ids."""
    model.check_access_rights("read")
    query = model._where_calc(domain)
    model._apply_ir_rules(query, "read")
    from_clause, where_clause, params = query.get_sql()
    return 'SELECT "%s".id FROM %s WHERE %s' % (
        model._table, from_clause, where_clause or "TRUE"), params
