from odoo import api, fields, models

from ..sections import SECTIONS


class CdbNotebookShare(models.Model):
    """A sharing choice made for a whole structure in one carnet (seed 000:
    the beneficiary "choisit quelles informations sont accessibles et à qui
    (accompagnateurs, entreprises, etc.)"). Recording it sets the section for
    every member of that structure in the carnet, and it is the default of
    the structure's future members there; each member's own flag
    (cdb.notebook.member ``share_<section>``) is what the rules read."""

    _name = "cdb.notebook.share"
    _inherit = "cdb.notebook.part.mixin"
    _description = "Sharing choice for a structure"
    _order = "notebook_id, structure_id, section"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    structure_id = fields.Many2one(
        "res.partner", "Structure", required=True, index=True, ondelete="cascade",
        domain=[("cdb_is_structure", "=", True)])
    section = fields.Selection(SECTIONS, required=True)
    visible = fields.Boolean("Shared", default=True)

    _sql_constraints = [
        ("notebook_structure_section_unique", "unique(notebook_id, structure_id, section)",
         "A choice already exists for this section and structure: change it instead."),
    ]

    @api.model
    def _set_choice(self, notebook, structure, section, visible):
        """Record the choice for ``structure`` (create or update it)."""
        choice = self.search([("notebook_id", "=", notebook.id),
                              ("structure_id", "=", structure.id),
                              ("section", "=", section)])
        if choice:
            choice.write({"visible": visible})
            return choice
        return self.create({"notebook_id": notebook.id, "structure_id": structure.id,
                            "section": section, "visible": visible})

    @api.model
    def create(self, vals):
        choice = super().create(vals)
        choice._apply_to_members()
        return choice

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        self._apply_to_members()
        return result

    @api.multi
    def unlink(self):
        """Removing a choice changes the default of the structure's future
        members: same rights as recording it."""
        self.env["cdb.notebook.member"]._check_may_change_shares_in(self.mapped("notebook_id"))
        return super().unlink()

    def _apply_to_members(self):
        """Set the section of the structure's members; the référent keeps
        the minimum the contract needs (readme/SHARING.rst)."""
        Member = self.env["cdb.notebook.member"]
        minimum = Member._referent_minimum_sections()
        for choice in self:
            # Same rights as changing each member's flag (the policy's
            # "share"), checked on the carnet: a choice is also the default of
            # the structure's future members, even with no member there yet.
            Member._check_may_change_shares_in(choice.notebook_id)
            # sudo: the policy said yes; the flags are written by the server
            members = choice.notebook_id.sudo().member_ids.filtered(
                lambda m: m.structure_id == choice.structure_id)
            if not choice.visible and choice.section in minimum:
                members = members.filtered(lambda m: m.role != "referent")
            members.write({Member._share_field(choice.section): choice.visible})
        return True

    @api.multi
    def name_get(self):
        labels = dict(self._fields["section"]._description_selection(self.env))
        # The structure's name, also for who may not read the partner (the
        # beneficiary on the portal): it is the label of the choice.
        return [(c.id, "%s – %s" % (c.structure_id.sudo().name, labels.get(c.section)))
                for c in self]
