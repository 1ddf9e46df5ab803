from odoo import _, api, models
from odoo.exceptions import ValidationError


class CdbPartMixin(models.AbstractModel):
    """A record stays with what it was created for: the many2one links named
    by ``_cdb_part_links()`` never change once set (an empty link may be
    given once, e.g. an appointment linked to its carnet afterwards).

    Moving a record would carry it past the rules that hold where it was
    created: record rules are checked on the record as it was before a
    write, not on where it goes (an action that "ne peut être la seule
    action" left alone in its plan, a signed plan changed without
    amendment, a note shown to the members of another carnet). Create a new
    record there instead. carnet_de_bord's ``cdb.notebook.part.mixin`` (the
    carnet) and cer_contracts' ``cer.part.mixin`` (the contract, the
    amendment…) name their links; the check is this one."""

    _name = "cdb.part.mixin"
    _description = "Stays with the record it belongs to"

    def _cdb_part_links(self):
        """Names of the many2one fields that never change once set."""
        return ()

    @api.multi
    def write(self, vals):
        for name in self._cdb_part_links():
            if name in vals:
                self._check_link_unchanged(name, vals[name])
        return super().write(vals)

    def _check_link_unchanged(self, name, value):
        new_id = value.id if isinstance(value, models.BaseModel) else (value or False)
        # sudo: where a record belongs is checked whoever may read the
        # parent (the write itself still goes through the caller's rights)
        for record in self.sudo():
            current = record[name].id
            if current and current != new_id:
                field = self._fields[name].get_description(self.env)["string"]
                model = self.env["ir.model"].sudo()._get(self._name).name or self._name
                raise ValidationError(_(
                    "%s stays where it was created: its \"%s\" cannot change. "
                    "Create a new one there instead.") % (model, field))
