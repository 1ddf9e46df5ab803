"""Records that point at a document (followers, activities, messages,
e-mails, notifications, attachments, appointments and their attendees) are
visible only to who may read the document itself.

Odoo 11 leaves several of them open to every employee: any internal user
can search the followers and activities of any record or the attendees of
any appointment, and ``read_group``, ``export_data``, ``name_get`` or
``/web/content`` reach messages and attachments without the document check
that ``read`` and ``search`` make. Seed 003 (DUI): "l'utilisateur ne peut
consulter ou modifier que les dossiers pour lesquels il est nommé
référent". For the documents of the carnet de bord modules the check is
therefore added where every read goes through, the record rules of the
query (``_apply_ir_rules``), as one SQL condition.
"""
from psycopg2 import sql

from odoo import SUPERUSER_ID, _, api, models, tools
from odoo.exceptions import AccessError

from ..tools import dependent_modules

NOTHING = "SELECT NULL::integer WHERE FALSE"
# The modules depending on this one protect the documents of their rules.
BASE_MODULE = "cdb_base"


class CdbDocumentAccess(models.AbstractModel):
    _name = "cdb.document.access"
    _description = "Access to the records attached to a carnet de bord document"

    @api.model
    @tools.ormcache()
    def _protected_models(self):
        """Models on which the modules built on this one (every installed
        module depending, directly or not, on cdb_base) define record rules:
        their documents, and the beneficiaries and appointments they
        restrict. Odoo clears this cache whenever a rule changes."""
        modules = dependent_modules(self.env.cr, BASE_MODULE)
        self.env.cr.execute("""
            SELECT DISTINCT model.model
              FROM ir_model_data data
              JOIN ir_rule rule ON data.model = 'ir.rule' AND data.res_id = rule.id
              JOIN ir_model model ON model.id = rule.model_id
             WHERE data.module IN %s
             ORDER BY model.model""", (tuple(modules),))
        return tuple(row[0] for row in self.env.cr.fetchall())

    @api.model
    def _readable_ids_query(self, model_name):
        """``(sql, params)`` selecting the ids of ``model_name`` the current
        user may read, or ``(None, [])`` when they may read them all."""
        Model = self.env[model_name]
        if not Model.check_access_rights("read", raise_exception=False):
            return NOTHING, []
        query = Model._where_calc([], active_test=False)
        Model._apply_ir_rules(query, "read")
        if not query.where_clause:
            return None, []
        from_clause, where_clause, params = query.get_sql()
        return 'SELECT "%s".id FROM %s WHERE %s' % (Model._table, from_clause, where_clause), params

    @api.model
    def _readable_documents_clause(self, model_column, id_column, models):
        """``(sql, params)``: true for the rows whose document
        (``model_column``, ``id_column``) the current user may read, or that
        point at none of the protected ``models``; ``(None, [])`` when
        nothing is hidden."""
        restricted, parts, params = [], [], []
        for model_name in models:
            if model_name not in self.env:
                continue
            sql, sql_params = self._readable_ids_query(model_name)
            if sql is None:
                continue
            restricted.append(model_name)
            parts.append("(%s = %%s AND %s IN (%s))" % (model_column, id_column, sql))
            params += [model_name] + sql_params
        if not restricted:
            return None, []
        sql = "(%s IS NULL OR %s NOT IN %%s OR %s)" % (
            model_column, model_column, " OR ".join(parts))
        return sql, [tuple(restricted)] + params

    @api.model
    def _check_document(self, model_name, res_id, operation):
        """Raise AccessError unless the current user may ``operation`` the
        document ``model_name``/``res_id`` of a protected model."""
        if self.env.uid == SUPERUSER_ID or model_name not in self._protected_models():
            return
        if model_name not in self.env or not res_id:
            raise AccessError(_("You can only reach the carnets de bord you are a member of."))
        document = self.env[model_name].browse(res_id)
        document.check_access_rights(operation)
        document.check_access_rule(operation)


class CdbDocumentAccessMixin(models.AbstractModel):
    """Added to a model whose rows point at a document: every read (search,
    read, read_group, export, name_get, downloads) sees only the rows
    ``_cdb_readable_clause`` accepts."""

    _name = "cdb.document.access.mixin"
    _description = "Visible only with its document"

    def _cdb_readable_clause(self, query):
        """``(sql, params)`` or ``(None, [])`` for ``query``: to define."""
        return None, []

    def _cdb_column(self, column):
        return '"%s"."%s"' % (self._table, column)

    def _cdb_any_of(self, clause, params, alternatives):
        """``clause`` OR one of the ``alternatives`` ((sql, params) pairs)."""
        if not clause:
            return None, []
        for alternative, alternative_params in alternatives:
            clause = "%s OR %s" % (clause, alternative)
            params = params + list(alternative_params)
        return "(%s)" % clause, params

    def _cdb_document_clause(self, query, model_column="res_model", id_column="res_id"):
        """Rows of ``query`` whose document is readable. Only the protected
        models the query's rows point at are checked (one query): a chatter
        costs the rules of its own document, not of every model."""
        models = self._cdb_present_models(query, model_column)
        if not models:
            return None, []
        return self.env["cdb.document.access"]._readable_documents_clause(
            self._cdb_column(model_column), self._cdb_column(id_column), models)

    def _cdb_present_models(self, query, model_column):
        protected = set(self.env["cdb.document.access"]._protected_models()) - {self._name}
        from_clause, where_clause, params = query.get_sql()
        # _read_from_database puts a placeholder for the ids it reads
        params = [tuple(self.ids) if type(param) is object else param for param in params]
        # the column and the clauses are the ORM's, their values are parameters
        self.env.cr.execute(sql.SQL("SELECT DISTINCT {} FROM {} WHERE {}").format(
            sql.SQL(self._cdb_column(model_column)), sql.SQL(from_clause),
            sql.SQL(where_clause or "TRUE")), params)
        return sorted(name for name, in self.env.cr.fetchall() if name in protected)

    def _cdb_parent_clause(self, column, parent_model):
        sql, params = self.env["cdb.document.access"]._readable_ids_query(parent_model)
        if sql is None:
            return None, []
        return "%s IN (%s)" % (self._cdb_column(column), sql), params

    def _apply_ir_rules(self, query, mode="read"):
        result = super()._apply_ir_rules(query, mode)
        if mode == "read" and self.env.uid != SUPERUSER_ID:
            clause, params = self._cdb_readable_clause(query)
            if clause:
                query.where_clause.append(clause)
                query.where_clause_params.extend(params)
        return result
