from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..settings import EDE_PROFESSIONAL_BELOW, EDE_SOLIDARITY_ABOVE

# The proposals of the scale.
PROFESSIONAL, TEAM, SOLIDARITY = "professional", "team", "solidarity"
ORIENTATIONS = [
    (PROFESSIONAL, "Professional orientation (France Travail)"),
    (TEAM, "To be decided by the orientation team / EP"),
    (SOLIDARITY, "Solidarity orientation"),
]


def _changes(record, name, value):
    """Whether writing ``value`` in ``record[name]`` changes it."""
    field = record._fields[name]
    current = field.convert_to_write(record[name], record)
    if isinstance(value, models.BaseModel):
        value = value.id
    return (value or False) != (current or False)


class RsaEdeScale(models.Model):
    """The employment-distance scale (échelle de distance à l'emploi, EDE).

    Seed 003, "LES ECHELLES DE DISTANCES A L'EMPLOI (Annexe 3)":
    "L'Echelle de distance à l'emploi se compose de 8 items comportant 6
    paliers indiquant des freins ou non à l'emploi." — "Chaque palier de
    l'échelle à distance est noté en fonction de l'importance du frein à
    l'emploi. Elle va de 20 points pour les freins les plus importants à 1
    pour les niveaux les plus faibles."

    The guide names this structure but not the wording of the items: the
    département keeps its own scale here (items, paliers, points, colours and
    the two thresholds). A scale that already scored agreed assessments keeps
    everything those assessments show (thresholds, items and their order,
    levels with their wording, number, points and colour) so that they never
    change afterwards: ``action_new_version`` copies it into a new version,
    free to change.
    """

    _name = "rsa.ede.scale"
    _description = "Employment-distance scale (EDE)"
    _order = "is_default desc, name, id"

    name = fields.Char(required=True, translate=False)
    active = fields.Boolean(default=True)
    is_default = fields.Boolean(
        "Default scale", copy=False,
        help="The scale proposed for new assessments. Only one scale can be the default.")
    note = fields.Text()
    item_ids = fields.One2many("rsa.ede.item", "scale_id", "Items", copy=True)
    item_count = fields.Integer("Number of items", compute="_compute_item_count")
    professional_below = fields.Integer(
        "Professional orientation below", required=True,
        default=lambda self: EDE_PROFESSIONAL_BELOW.get(self.env),
        help="A total strictly below this number of points proposes a professional "
             "orientation (France Travail).")
    solidarity_above = fields.Integer(
        "Solidarity orientation above", required=True,
        default=lambda self: EDE_SOLIDARITY_ABOVE.get(self.env),
        help="A total strictly above this number of points proposes a solidarity "
             "orientation. Totals from the first threshold to this one, both "
             "included, are left to the orientation team / EP.")

    @api.depends("item_ids")
    def _compute_item_count(self):
        for scale in self:
            scale.item_count = len(scale.item_ids)

    @api.constrains("is_default")
    def _check_single_default(self):
        if self.filtered("is_default") and self.with_context(active_test=False).search_count(
                [("is_default", "=", True)]) > 1:
            raise ValidationError(_(
                "Only one employment-distance scale can be the default: "
                "untick the current default scale first."))

    @api.constrains("professional_below", "solidarity_above")
    def _check_thresholds(self):
        for scale in self:
            if scale.professional_below < 0 or scale.professional_below > scale.solidarity_above:
                self._raise_thresholds_order()

    @api.model
    def _raise_thresholds_order(self):
        raise ValidationError(_(
            "The threshold of the professional orientation must be positive and "
            "not above the threshold of the solidarity orientation."))

    @api.multi
    def write(self, vals):
        if {"professional_below", "solidarity_above"} & set(vals):
            self._check_not_used_by_agreed(_("its orientation thresholds"))
        return super().write(vals)

    @api.multi
    def unlink(self):
        """A scale that scored assessments stays (they point to it): archive
        it instead; without this check PostgreSQL would refuse with a
        generic integrity error."""
        # sudo: counting the assessments of a scale, whoever deletes it
        used = self.env["rsa.ede.assessment"].sudo().search_count(
            [("scale_id", "in", self.ids)])
        if used:
            raise UserError(_(
                "This scale is used by %d employment-distance assessment(s): it cannot be "
                "deleted. Archive it instead (it is then no longer proposed).") % used)
        return super().unlink()

    def _check_not_used_by_agreed(self, what):
        """Refuse to change what the agreed assessments of a scale show
        (their totals, proposals, items, levels and order must stay as
        agreed): copy the scale into a new version instead."""
        if self._used_by_agreed():
            raise UserError(_(
                "This scale was used for agreed assessments: %s cannot be changed any "
                "more, or those assessments would show something else than what was "
                "agreed. Use \"New version\" on the scale to copy it into a version you "
                "may change.") % what)

    def _check_history_write(self, records, vals, history_fields, what):
        """Refuse ``vals`` on ``records`` (items or levels of these scales)
        when it changes one of ``history_fields`` of a scale already used
        for agreed assessments."""
        names = history_fields & set(vals)
        if names and any(_changes(record, name, vals[name])
                         for record in records for name in names):
            self._check_not_used_by_agreed(what)

    def _used_by_agreed(self):
        """Whether one of these scales scored an agreed assessment."""
        if not self:
            return False
        Assessment = self.env["rsa.ede.assessment"]
        # sudo: whoever edits a scale, every agreed assessment counts
        return bool(Assessment.sudo().search_count(
            [("scale_id", "in", self.ids)] + Assessment._agreed_domain()))

    @api.multi
    def copy(self, default=None):
        default = dict(default or {})
        default.setdefault("name", _("%s (copy)") % self.name)
        return super().copy(default)

    @api.multi
    def action_new_version(self):
        """Copy the scale (items, levels, thresholds) into a new version that
        may be changed freely; the used version stays as it is, for the
        assessments it scored. Tick "Default scale" on the new version to
        propose it for new assessments."""
        self.ensure_one()
        new = self.copy({"name": _("%s (new version)") % self.name})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    def _propose_orientation(self, total):
        """The orientation proposed for a total of points.

        Seed 003, "L'ANALYSE DE L'ECHELLE A DISTANCE POUR L'EMPLOI": "Si le
        total est inférieur à 18 points : on considère que l'orientation
        prioritaire est le Pôle Emploi, Si le total est supérieur à 35 points :
        l'orientation sera plus vers la sphère solidarité, Si le total est
        compris entre 19 et 34 points : c'est à l'Equipe Pluridisciplinaire
        (EP) ou l'Equipe d'Orientation (EO) de se prononcer sur l'orientation
        la plus adéquate." and "pour la version informatique, le calcul se fait
        automatiquement avec proposition d'orientation."

        Decision: the guide says nothing of totals of exactly 18 and exactly
        35; they are not decided automatically and go to the team, like 19 to
        34. So, with the scale's thresholds (18 and 35 by default):
        total < professional_below → 'professional' (France Travail, formerly
        Pôle Emploi); total > solidarity_above → 'solidarity'; otherwise
        'team'. It is a proposal: the orientation itself is decided elsewhere.
        """
        self.ensure_one()
        if total < self.professional_below:
            return PROFESSIONAL
        if total > self.solidarity_above:
            return SOLIDARITY
        return TEAM

    @api.model
    def _get_default_scale(self):
        """The scale ticked as default, or else the first active scale."""
        return self.search([("is_default", "=", True)], limit=1) or self.search([], limit=1)
