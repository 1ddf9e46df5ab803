from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..settings import EDE_MAX_LEVELS

# The colours of a level (seed 003, "La deuxième analyse").
NONE, GREEN, PINK, BLUE = "none", "green", "pink", "blue"
COLORS = [
    (NONE, "No colour"),
    (GREEN, "Green: point of vigilance"),
    (PINK, "Pink: left to the team's appreciation"),
    (BLUE, "Blue: real barrier, solidarity to prioritise"),
]
# What the agreed assessments of a scale show of a level.
HISTORY_FIELDS = frozenset(["name", "sequence", "points", "color", "item_id"])


class RsaEdeLevel(models.Model):
    """One palier of an item: its wording, its points and its colour.

    Seed 003: "Chaque palier de l'échelle à distance est noté en fonction de
    l'importance du frein à l'emploi. Elle va de 20 points pour les freins les
    plus importants à 1 pour les niveaux les plus faibles."

    Colours ("La deuxième analyse"): "La couleur verte signale les points de
    vigilance qui peuvent être un frein important ou non pour le retour à
    l'emploi, La couleur rose laisse à l'appréciation de l'Equipe
    Pluridisciplinaire ou de la Commission d'Orientation, La couleur bleue
    signale des points importants qui sont des réels freins à l'emploi et
    l'orientation vers la sphère solidarité est à prioriser."
    """

    _name = "rsa.ede.level"
    _description = "Employment-distance scale level (palier)"
    _order = "item_id, sequence, id"

    item_id = fields.Many2one(
        "rsa.ede.item", "Item", required=True, ondelete="cascade", index=True)
    scale_id = fields.Many2one(
        related="item_id.scale_id", store=True, readonly=True, index=True)
    sequence = fields.Integer(
        "Palier", required=True, default=1,
        help="Number of the palier, 1 (no barrier) to 6 (strongest barrier) with the "
             "guide's scale (the number of paliers is a setting).")
    name = fields.Char("Wording", required=True)
    points = fields.Integer(required=True, default=1)
    color = fields.Selection(COLORS, "Colour", required=True, default=NONE)

    @api.constrains("sequence", "points")
    def _check_values(self):
        max_levels = EDE_MAX_LEVELS.get(self.env)
        for level in self:
            if not 1 <= level.sequence <= max_levels:
                raise ValidationError(_(
                    "A level is numbered from 1 to %d (the number of paliers of a scale).")
                    % max_levels)
            if level.points < 0:
                raise ValidationError(_("The points of a level cannot be negative."))

    @api.model
    def create(self, vals):
        """A new level changes the grid of agreed assessments ("palier 3 / 7"):
        not on a used scale."""
        self.env["rsa.ede.item"].browse(vals.get("item_id")).mapped("scale_id") \
            ._check_not_used_by_agreed(_("its levels"))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        """Wording, number, points, colour: what agreed assessments show."""
        scales = self.mapped("scale_id")
        if vals.get("item_id"):
            scales |= self.env["rsa.ede.item"].browse(vals["item_id"]).scale_id
        scales._check_history_write(
            self, vals, HISTORY_FIELDS, _("the wording, numbers, points and colours of its levels"))
        return super().write(vals)

    @api.multi
    def unlink(self):
        """Only on a scale without agreed assessments; the draft
        assessments that chose one of these levels lose the choice (rather
        than PostgreSQL refusing with an integrity error)."""
        self.mapped("scale_id")._check_not_used_by_agreed(_("its levels"))
        # sudo: the drafts of every carnet follow the scale (the check above
        # made sure no agreed assessment uses these levels)
        self.env["rsa.ede.assessment.line"].sudo().search(
            [("level_id", "in", self.ids)]).write({"level_id": False})
        return super().unlink()

    @api.multi
    def name_get(self):
        return [(level.id, "%d. %s" % (level.sequence, level.name)) for level in self]
