"""Workflow fields change only through their actions.

A hidden or read-only button is not a rule: over XML-RPC or JSON-RPC a
client can ``create`` or ``write`` any field. A model that inherits
``cdb.workflow.mixin`` lists its workflow fields (state, decision,
signature dates, numbering…) in ``_workflow_fields``: ``create`` accepts
them only at their default value and ``write`` refuses any change of them,
unless the change is made by the model's own code through
``_workflow_write`` (or ``_workflow_transition()``), after that code checked
the access policy. Fields listed in ``_workflow_locked_fields`` are frozen
once ``_workflow_is_locked()`` is true for a record (the dates of a signed
contract, for instance).

The permission is a Python object put in the context: a client sends only
JSON or XML values and cannot forge it, whatever context it sends. Data
files loaded while the registry is being built (module install or update)
are not concerned.
"""
from odoo import _, api, models
from odoo.exceptions import AccessError

_TRANSITION_KEY = "cdb_workflow_transition"
_TRANSITION = object()


class CdbWorkflowMixin(models.AbstractModel):
    _name = "cdb.workflow.mixin"
    _description = "Fields changed only through their actions"

    # Names of the fields changed only by the model's actions.
    _workflow_fields = ()
    # Names of the fields frozen once _workflow_is_locked() is true.
    _workflow_locked_fields = ()

    # ----------------------------------------------------------- the actions
    def _workflow_transition(self):
        """These records, allowed to change their workflow fields: for the
        model's actions, once the access policy said yes."""
        return self.with_context(**{_TRANSITION_KEY: _TRANSITION})

    def _workflow_write(self, vals):
        """``write`` made by an action of the model."""
        return self._workflow_transition().write(vals)

    @api.model
    def _workflow_create(self, vals):
        """``create`` made by an action of the model (a renewal, a copy in
        another state…)."""
        return self._workflow_transition().create(vals)

    def _in_workflow_transition(self):
        context = self.env.context
        if context.get(_TRANSITION_KEY) is _TRANSITION:
            return True
        # XML/CSV data of a module being installed or updated
        return bool(context.get("install_mode")) and not self.pool.ready

    def _workflow_is_locked(self):
        """Whether this record's ``_workflow_locked_fields`` are frozen."""
        return False

    # ------------------------------------------------------------ the guard
    @api.model
    def create(self, vals):
        records = self
        if not self._in_workflow_transition():
            # A client's context may carry defaults (default_state=...): they
            # would fill the workflow fields the values leave out.
            records = self.with_context(self._context_without_workflow_defaults())
            records._check_workflow_create(vals)
        return super(CdbWorkflowMixin, records).create(vals)

    @api.model
    def _context_without_workflow_defaults(self):
        names = {"default_" + name for name in self._workflow_fields}
        return {key: value for key, value in self.env.context.items() if key not in names}

    @api.multi
    def write(self, vals):
        if not self._in_workflow_transition():
            self._check_workflow_write(vals)
        return super().write(vals)

    @api.model
    def _check_workflow_create(self, vals):
        names = [name for name in self._workflow_fields if name in vals]
        if not names:
            return
        # the model's defaults, not those a client puts in its context
        # (default_state=…): a default sent by the client is not a default
        context = {key: value for key, value in self.env.context.items()
                   if not key.startswith("default_")}
        defaults = self.with_context(context).default_get(names)
        for name in names:
            if self._workflow_value(name, vals[name]) != self._workflow_value(
                    name, defaults.get(name)):
                self._raise_workflow_field(name)

    def _check_workflow_write(self, vals):
        guarded = [name for name in self._workflow_fields if name in vals]
        locked = [name for name in self._workflow_locked_fields if name in vals]
        for record in self:
            for name in guarded:
                if record._workflow_changes(name, vals[name]):
                    record._raise_workflow_field(name)
            if locked and record._workflow_is_locked():
                for name in locked:
                    if record._workflow_changes(name, vals[name]):
                        record._raise_locked_field(name)

    def _workflow_changes(self, name, value):
        field = self._fields[name]
        current = field.convert_to_write(self[name], self)
        return self._workflow_value(name, value) != self._workflow_value(name, current)

    @api.model
    def _workflow_value(self, name, value):
        """A comparable form of ``value`` for field ``name`` (False, None and
        "" are the same empty value; a record is its id)."""
        if isinstance(value, models.BaseModel):
            value = value.id
        if isinstance(value, (list, tuple)) and self._fields[name].type == "many2one":
            value = value[0] if value else False
        return value if value not in (None, "", False) else False

    def _field_label(self, name):
        return self._fields[name].get_description(self.env)["string"]

    def _raise_workflow_field(self, name):
        raise AccessError(_(
            "\"%s\" of %s changes only through the buttons of the form "
            "(its actions check who may do it).") % (
                self._field_label(name), self._description_label()))

    def _raise_locked_field(self, name):
        raise AccessError(_(
            "\"%s\" of %s can no longer change at this stage.") % (
                self._field_label(name), self._description_label()))

    @api.model
    def _description_label(self):
        """The model's name in the user's language (its ``_description``)."""
        # sudo: a model's name is not a protected datum (portal users may not
        # read ir.model); the name is read in the user's language.
        model = self.env["ir.model"].sudo()._get(self._name)
        return model.name or self._name
