"""A sub-select leaf that PostgreSQL may probe row by row or hash, as each
query needs (issue 15, "every role fast").

Odoo 11 writes the internal operator ``inselect`` as ``column IN
(sub-select)``. The record rules of a user's groups are OR-ed, and inside an
OR PostgreSQL cannot turn such an ``IN`` into a join: it hashes the whole
sub-select in every query. Reading the 4 actions of one carnet as the
correspondant of a territory of 14,000 carnets hashed the 14,000 carnets
(8 ms), in each of the ~30 queries that open a carnet. Written ``EXISTS``,
the same condition gets both plans, and PostgreSQL keeps the cheaper one (an
"alternative sub-plan"): an index probe per row when a form reads a few rows
(0.3 ms), the hash when a list goes through the whole base.

``exists_leaf(column, sql, params)`` is the domain leaf
``(column, "inselect", (sql, params))`` whose SQL is marked
(``ExistsSQL``): it is written ``EXISTS (SELECT 1 FROM (sql) … WHERE … =
column)``. The marked SQL is the sub-select of an ``inselect``: should a
caller copy the leaf as a plain string, Odoo writes it as an ``IN``, with the
same result. Other leaves are written as Odoo writes them.

Loaded with the module's Python code, like ``one2many_read.py``.
"""
from odoo.osv import expression


class ExistsSQL(str):
    """The sub-select of an ``exists_leaf``: the values ``column`` may take."""


def exists_leaf(column, sql, params):
    return (column, "inselect", (ExistsSQL(sql), params))


_leaf_to_sql = expression.expression._expression__leaf_to_sql


def leaf_to_sql(self, eleaf):
    left, operator, right = eleaf.leaf
    if operator == "inselect" and isinstance(right[0], ExistsSQL):
        column = '"%s"."%s"' % (eleaf.generate_alias(), left)
        query = "EXISTS (SELECT 1 FROM (%s) AS allowed (value) WHERE allowed.value = %s)" % (
            right[0], column)
        return query, list(right[1])
    return _leaf_to_sql(self, eleaf)


expression.expression._expression__leaf_to_sql = leaf_to_sql
