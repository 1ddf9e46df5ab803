from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

COLORS = [
    ("none", "No colour"),
    ("green", "Green: point of vigilance"),
    ("pink", "Pink: left to the team's appreciation"),
    ("blue", "Blue: real barrier, solidarity to prioritise"),
]
MAX_LEVELS = 6


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
        help="Number of the palier, 1 (no barrier) to 6 (strongest barrier).")
    name = fields.Char("Wording", required=True)
    points = fields.Integer(required=True, default=1)
    color = fields.Selection(COLORS, "Colour", required=True, default="none")

    @api.constrains("sequence", "points")
    def _check_values(self):
        for level in self:
            if not 1 <= level.sequence <= MAX_LEVELS:
                raise ValidationError(_(
                    "A level is numbered from 1 to %d (the scale has 6 paliers).") % MAX_LEVELS)
            if level.points < 0:
                raise ValidationError(_("The points of a level cannot be negative."))

    @api.multi
    def write(self, vals):
        if {"points", "color", "item_id"} & set(vals):
            self.mapped("scale_id")._check_not_used_by_agreed(
                _("the points and colours of its levels"))
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("scale_id")._check_not_used_by_agreed(_("its levels"))
        return super().unlink()

    @api.multi
    def name_get(self):
        return [(level.id, "%d. %s" % (level.sequence, level.name)) for level in self]
