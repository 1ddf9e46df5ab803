from odoo import api, models, tools

NOTEBOOK = "cdb.notebook"


class MailThread(models.AbstractModel):
    """The followers of a carnet and of its parts — every document of every
    module with a many2one to the carnet (``notebook_id``, an appointment's
    ``cdb_notebook_id``) — are always among its active members and its
    beneficiary (their portal login): a follower receives the carnet's new
    messages by e-mail. Automatic subscriptions leave out anyone else,
    subscribing anyone else is refused (cdb_base, models/mail_thread.py and
    mail_followers.py), and the followers who may no longer follow are
    removed when a membership ends or the référent changes
    (``cdb.notebook._cdb_drop_unallowed_followers``)."""

    _inherit = "mail.thread"

    @api.model
    def _cdb_thread_notebook_field(self):
        """The field leading from a record of this model to its carnet
        ("id" for the carnet itself), or None."""
        if self._name == NOTEBOOK:
            return "id"
        candidates = [name for name, field in self._fields.items()
                      if field.type == "many2one" and field.comodel_name == NOTEBOOK
                      and field.store]
        for preferred in ("notebook_id", "cdb_notebook_id"):
            if preferred in candidates:
                return preferred
        return candidates[0] if candidates else None

    @api.model
    def _cdb_restricts_followers(self):
        return bool(self._cdb_thread_notebook_field()) or super()._cdb_restricts_followers()

    def _cdb_allowed_followers(self):
        allowed = super()._cdb_allowed_followers()
        name = self._cdb_thread_notebook_field()
        if not name:
            return allowed
        # sudo: the carnet of a record decides who may follow it
        for record in self.sudo():
            notebook = record if name == "id" else record[name]
            if notebook:
                allowed[record.id] = notebook._cdb_follower_partners()
        return allowed

    # ---------------------------------------------------------- clean-up
    @api.model
    @tools.ormcache()
    def _cdb_notebook_threads(self):
        """``(model, table, column)`` of every document model with followers
        that belongs to a carnet (the carnet itself: column "id")."""
        threads = []
        for name in sorted(self.env.registry.models):
            Model = self.env[name]
            # a mail.thread (not a model delegating to one, as cer.pap.line)
            if Model._abstract or Model._transient or not Model._auto \
                    or not hasattr(Model, "_cdb_thread_notebook_field"):
                continue
            column = Model._cdb_thread_notebook_field()
            if column:
                threads.append((name, Model._table, column))
        return tuple(threads)

    @api.model
    def _cdb_drop_followers_of_notebook(self, notebook, partners):
        """Remove the followers of ``notebook`` and of its parts who are not
        among ``partners`` (and every channel). One query to find them."""
        selects, params = [], []
        for model, table, column in self._cdb_notebook_threads():
            # identifiers from the registry, values as parameters
            selects.append(
                'SELECT f.id FROM mail_followers f JOIN "%s" t ON f.res_id = t.id'
                ' WHERE f.res_model = %%s AND t."%s" = %%s'
                ' AND (f.partner_id IS NULL OR NOT f.partner_id = ANY(%%s::int[]))'
                % (table, column))
            params += [model, notebook.id, partners.ids]
        if not selects:
            return 0
        self.env.cr.execute(" UNION ALL ".join(selects), params)
        follower_ids = [row[0] for row in self.env.cr.fetchall()]
        # sudo: the server keeps the followers among who may follow
        self.env["mail.followers"].sudo().browse(follower_ids).unlink()
        return len(follower_ids)
