from odoo import _, api, models
from odoo.exceptions import ValidationError


class CerPartMixin(models.AbstractModel):
    """A part of a contract (a PAP line, a job offer, an amendment…) or a
    record of a carnet (a contract, a fiche de liaison) stays with what it was
    created for: the links named in ``_cer_parent_fields`` never change.

    Moving a record would carry it past the rules that hold in its parent
    (an action that "ne peut être la seule action" left alone, a signed plan
    changed without amendment, a record shown to the members of another
    carnet). Record rules are checked on the record as it was before a
    write, not on where it goes: this check closes that path."""

    _name = "cer.part.mixin"
    _description = "Stays with the record it belongs to"

    # Names of the many2one fields that never change after creation.
    _cer_parent_fields = ()

    @api.multi
    def write(self, vals):
        for name in self._cer_parent_fields:
            if name in vals:
                self._check_parent_unchanged(name, vals[name])
        return super().write(vals)

    def _check_parent_unchanged(self, name, value):
        new_id = value.id if isinstance(value, models.BaseModel) else (value or False)
        for record in self:
            if record[name].id != new_id:
                field = self._fields[name].get_description(self.env)["string"]
                # sudo: a model's name is not a protected datum
                model = self.env["ir.model"].sudo()._get(self._name).name or self._name
                raise ValidationError(_(
                    "%s stays where it was created: its \"%s\" cannot change. "
                    "Create a new one there instead.") % (model, field))

    @api.multi
    def action_cdb_open_notebook(self):
        """Open this record's carnet (the rows of the home page)."""
        self.ensure_one()
        return self.notebook_id._cdb_form_action()
