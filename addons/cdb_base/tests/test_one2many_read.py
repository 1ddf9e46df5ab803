"""One query per one2many field of one record (one2many_read.py): the
lines are the same as Odoo's two-query read finds, with the field's domain
and the record rules."""
from odoo.tests.common import TransactionCase

from .. import one2many_read


class TestOne2manyRead(TransactionCase):

    def setUp(self):
        super().setUp()
        Partner = self.env["res.partner"]
        self.companies = Partner.create({"name": "UT Société A", "is_company": True}) | \
            Partner.create({"name": "UT Société B", "is_company": True})
        self.contacts = {}
        for company in self.companies:
            self.contacts[company.id] = Partner.create({
                "name": "UT Contact de %s" % company.name, "parent_id": company.id})
            self.contacts[company.id] |= Partner.create({
                "name": "UT Contact archivé de %s" % company.name, "parent_id": company.id,
                "active": False})

    def _child_ids(self, records):
        records.invalidate_cache()
        return {record.id: set(record.child_ids.ids) for record in records}

    def test_one_record_reads_the_lines_of_several(self):
        both = self._child_ids(self.companies)
        for company in self.companies:
            self.assertEqual(self._child_ids(company), {company.id: both[company.id]})
            # the field's domain holds: archived contacts are not children
            active = self.contacts[company.id].filtered("active")
            self.assertEqual(both[company.id], set(active.ids))

    def _queries(self, read, record):
        """Queries of ``read`` (the one2many read) for ``record``'s children."""
        field = record._fields["child_ids"]
        record.invalidate_cache()
        before = self.cr.sql_log_count
        read(field, record)
        count = self.cr.sql_log_count - before
        return count, record.env.cache.get(record, field)

    def test_one_record_costs_one_query_less(self):
        company = self.companies[0]
        odoo_count, odoo_lines = self._queries(one2many_read._read, company)
        count, lines = self._queries(one2many_read.read, company)
        self.assertEqual(lines, odoo_lines)
        self.assertEqual(len(lines), 1)
        self.assertEqual(count, odoo_count - 1)
