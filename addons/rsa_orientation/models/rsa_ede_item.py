from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# What the agreed assessments of a scale show of an item.
HISTORY_FIELDS = frozenset(["name", "sequence", "scale_id"])


class RsaEdeItem(models.Model):
    """One item (one theme) of the employment-distance scale, with its
    paliers. Seed 003: "il n'y a que des items sur lesquels la personne peut
    évoluer." """

    _name = "rsa.ede.item"
    _description = "Employment-distance scale item"
    _order = "scale_id, sequence, id"

    scale_id = fields.Many2one(
        "rsa.ede.scale", "Scale", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char("Item", required=True)
    description = fields.Text(
        help="What the item covers, shown to the référent while filling the grid.")
    level_ids = fields.One2many("rsa.ede.level", "item_id", "Levels (paliers)", copy=True)

    @api.constrains("level_ids")
    def _check_levels(self):
        for item in self:
            sequences = item.level_ids.mapped("sequence")
            if len(sequences) != len(set(sequences)):
                raise ValidationError(_(
                    "Two levels of the item \"%s\" have the same number.") % item.name)

    @api.model
    def create(self, vals):
        """A new item adds points to every total: not on a scale that already
        scored agreed assessments (duplicate the scale instead)."""
        self.env["rsa.ede.scale"].browse(vals.get("scale_id"))._check_not_used_by_agreed(
            _("its items"))
        item = super().create(vals)
        item._sync_draft_assessments()
        return item

    @api.multi
    def write(self, vals):
        """The wording, the order and the scale of an item are what agreed
        assessments show: frozen once its scale scored one (its description,
        a help for filling the grid, stays editable)."""
        scales = self.mapped("scale_id")
        if vals.get("scale_id"):
            scales |= self.env["rsa.ede.scale"].browse(vals["scale_id"])
        scales._check_history_write(
            self, vals, HISTORY_FIELDS, _("its items, their names and their order"))
        return super().write(vals)

    @api.multi
    def unlink(self):
        """Only on a scale without agreed assessments; the lines of draft
        assessments for these items go with them."""
        self.mapped("scale_id")._check_not_used_by_agreed(_("its items"))
        # sudo: the draft lines of every carnet go with the item (the check
        # above made sure no agreed assessment uses it)
        self.env["rsa.ede.assessment.line"].sudo().search([("item_id", "in", self.ids)]).unlink()
        return super().unlink()

    def _sync_draft_assessments(self):
        """Draft assessments of the scale get a line for a new item."""
        Assessment = self.env["rsa.ede.assessment"]
        # sudo: the drafts of every carnet follow the scale, whoever edits it
        Assessment.sudo().search([("scale_id", "in", self.mapped("scale_id").ids)]
                                 + Assessment._draft_domain())._sync_lines()
