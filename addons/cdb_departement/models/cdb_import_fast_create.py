import io
from types import SimpleNamespace

from psycopg2.extras import execute_values

from odoo import api, models

LOG_COLUMNS = ("create_uid", "create_date", "write_uid", "write_date")
INSERT_PAGE_SIZE = 1000
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value):
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    return str(value).translate(COPY_ESCAPES)


class CdbImportFastCreate(models.AbstractModel):
    """Creating many records with one SQL COPY per model, for imports of
    100,000 beneficiaries: the ORM creates one record at a time (several
    queries each). The rows hold what the ORM would store: the values, the
    model's defaults, and the stored computed fields computed by the ORM
    itself on an in-memory record once per distinct combination of their
    inputs (tests/test_import.py checks a record created this way equals the
    same record created by the ORM). No constraint, tracking message or
    follower: callers validate the values first (the import validates every
    line before writing)."""

    _name = "cdb.import.fast.create"
    _description = "Bulk creation through SQL"

    @api.model
    def _reserve_ids(self, model_name, count):
        """``count`` new ids from the model's sequence."""
        table = self.env[model_name]._table
        self.env.cr.execute("SELECT nextval(%s) FROM generate_series(1, %s)",
                            ("%s_id_seq" % table, count))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _create(self, model_name, vals_list, computed=(), computed_inputs=(), uid=None,
                row_computed=None):
        """Insert one record per dict of ``vals_list`` (each with its "id",
        see ``_reserve_ids``), completed with the model's defaults and its
        stored computed fields:

        - ``computed``: fields the ORM computes on an in-memory record that
          holds only the fields ``computed_inputs`` (once per distinct
          combination of them: few for a file);
        - ``row_computed``: {field: function of the values of a record
          (defaults included)} for the fields whose inputs differ on each
          line (see ``_model_rule``);
        - the fields that depend only on relations a new record has not yet
          (activities, users…) are computed by the ORM too, once.

        A stored computed field that none of these fills raises: a field
        added to a model must be filled here as the ORM fills it (the parity
        test of the imports compares both). ``uid``: the creator recorded,
        by default the current user."""
        if not vals_list:
            return
        model = self.env[model_name]
        stored = {name for name, field in model._fields.items()
                  if field.store and field.column_type and name not in LOG_COLUMNS}
        defaults = {name: value for name, value in model.default_get(list(stored)).items()
                    if model._fields[name].column_type}
        row_computed = row_computed or {}
        given = set(defaults).union(*vals_list) | set(row_computed)
        computed = tuple(computed) + self._computed_on_new_records(model, given, computed)
        memo = {}
        rows = []
        for vals in vals_list:
            full = dict(defaults, **vals)
            key = tuple(full.get(name) for name in computed_inputs)
            if key not in memo:
                memo[key] = self._computed_values(model, full, computed, computed_inputs)
            full.update(memo[key])
            for name, function in row_computed.items():
                full[name] = function(full)
            rows.append(full)
        columns = sorted(set().union(*rows))
        self._insert(model, columns, rows, uid or self.env.uid)
        model.invalidate_cache()

    @staticmethod
    def _computed_on_new_records(model, given, computed):
        """The stored computed fields not ``given`` nor ``computed`` that
        depend only on relations (one2many, many2many) a new record does not
        have; raises when another stored computed field is left out."""
        extra, missing = [], []
        for name, field in model._fields.items():
            if not (field.store and field.compute and field.column_type) \
                    or name in given or name in computed:
                continue
            heads = {path.split(".")[0] for path in field.depends}
            if heads and all(model._fields[head].type in ("one2many", "many2many")
                             and head not in given for head in heads):
                extra.append(name)
            else:
                missing.append(name)
        if missing:
            raise ValueError("Bulk creation of %s leaves out the stored computed field(s) %s"
                             % (model._name, ", ".join(sorted(missing))))
        return tuple(extra)

    @api.model
    def _stored_values(self, record, ignore=()):
        """The column values of ``record`` (a stored record) to create copies
        of it with ``_create``. A record with values in a relation
        (many2many, or one2many not in ``ignore``) cannot be copied this way:
        ValueError."""
        record.ensure_one()
        values = {}
        for name, field in record._fields.items():
            if not field.store or name in LOG_COLUMNS or name == "id" or name in ignore:
                continue
            if field.type in ("one2many", "many2many"):
                if record[name]:
                    raise ValueError("%s %s has values in %s: it cannot be copied in bulk"
                                     % (record._name, record.id, name))
            elif field.column_type:
                values[name] = field.convert_to_write(record[name], record)
        return values

    @api.model
    def _model_rule(self, model_name, method_name, inputs, *args):
        """A function calling the method ``method_name`` of the model on the
        values of a record that is not loaded: an object holding the fields
        ``inputs`` as the ORM's cache would. A per-record rule of the model
        applies without reading 100,000 records back (``recompute`` does)."""
        model = self.env[model_name]
        method = getattr(type(model), method_name)
        fields_ = [model._fields[name] for name in inputs]

        def apply(values):
            record = SimpleNamespace(**{
                field.name: field.convert_to_cache(values.get(field.name), model)
                for field in fields_})
            return method(record, *args)
        return apply

    def _computed_values(self, model, values, computed, computed_inputs):
        record = model.new({name: values.get(name) for name in computed_inputs})
        return {name: record._fields[name].convert_to_write(record[name], record)
                for name in computed}

    def _insert(self, model, columns, rows, uid):
        """One COPY of the rows (the dates of creation are the transaction's
        "now", as the ORM writes them)."""
        cr = self.env.cr
        cr.execute("SELECT (now() at time zone 'UTC')")
        now = cr.fetchone()[0]
        log = [uid, now, uid, now]
        fields_ = [model._fields[name] for name in columns]
        data = io.StringIO()
        for row in rows:
            values = [field.convert_to_column(row[field.name], model)
                      if row.get(field.name) is not None else None for field in fields_]
            data.write("\t".join(map(_copy_text, values + log)))
            data.write("\n")
        data.seek(0)
        cr.copy_expert('COPY "%s" (%s, %s) FROM STDIN' % (
            model._table, ", ".join('"%s"' % name for name in columns), ", ".join(LOG_COLUMNS)),
            data)

    @api.model
    def _link(self, model_name, field_name, pairs):
        """Rows of a many2many relation: ``pairs`` of (record id, target id)."""
        if not pairs:
            return
        field = self.env[model_name]._fields[field_name]
        # the names come from the field's definition, the values are parameters
        execute_values(self.env.cr, 'INSERT INTO "%s" ("%s", "%s") VALUES %%s '
                       'ON CONFLICT DO NOTHING' % (field.relation, field.column1, field.column2),
                       pairs, page_size=INSERT_PAGE_SIZE)
        self.env[model_name].invalidate_cache()
