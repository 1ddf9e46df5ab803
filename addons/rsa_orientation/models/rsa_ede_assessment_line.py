from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .rsa_ede_level import COLORS


class RsaEdeAssessmentLine(models.Model):
    """One item of an assessment and the palier agreed for it.

    Seed 003: "le bénéficiaire et son interlocuteur se mettent d'accord sur un
    échelon correspondant le mieux à la réponse et mettent une croix sur ce
    palier. Ils procèdent ainsi pour chaque item."
    """

    _name = "rsa.ede.assessment.line"
    _inherit = "cdb.notebook.followed.mixin"
    _cdb_notebook_field = "assessment_id.notebook_id"
    _description = "Employment-distance assessment line"
    _order = "assessment_id, sequence, id"

    assessment_id = fields.Many2one(
        "rsa.ede.assessment", "Assessment", required=True, ondelete="cascade", index=True)
    date = fields.Date(related="assessment_id.date", store=True, readonly=True)
    beneficiary_id = fields.Many2one(
        related="assessment_id.beneficiary_id", store=True, readonly=True)
    state = fields.Selection(related="assessment_id.state", store=True, readonly=True)
    item_id = fields.Many2one("rsa.ede.item", "Item", required=True, ondelete="restrict")
    item_description = fields.Text(related="item_id.description", readonly=True)
    level_id = fields.Many2one(
        "rsa.ede.level", "Level (palier)", ondelete="restrict",
        domain="[('item_id', '=', item_id)]")
    level_sequence = fields.Integer(related="level_id.sequence", readonly=True)
    # Averaged when grouped: the graph and pivot show the mean points of an
    # item, comparable whatever the number of assessments.
    points = fields.Integer(related="level_id.points", store=True, readonly=True,
                            group_operator="avg")
    color = fields.Selection(COLORS, related="level_id.color", store=True, readonly=True)
    sequence = fields.Integer(related="item_id.sequence", store=True, readonly=True)

    _sql_constraints = [
        ("assessment_item_unique", "unique(assessment_id, item_id)",
         "An item appears only once in an assessment."),
    ]

    @api.constrains("item_id", "level_id", "assessment_id")
    def _check_level(self):
        for line in self:
            if line.level_id and line.level_id.item_id != line.item_id:
                raise ValidationError(_(
                    "The level chosen for \"%s\" belongs to another item.") % line.item_id.name)
            if line.item_id.scale_id != line.assessment_id.scale_id:
                raise ValidationError(_(
                    "The item \"%s\" does not belong to the scale of the assessment.")
                    % line.item_id.name)

    def _check_draft(self, assessments=None):
        """The lines of an agreed assessment are as locked as the assessment."""
        assessments = self.mapped("assessment_id") if assessments is None else assessments
        assessments._check_draft()

    @api.model
    def create(self, vals):
        self._check_draft(self.env["rsa.ede.assessment"].browse(vals.get("assessment_id")))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_draft()
        if vals.get("assessment_id"):
            self._check_draft(self.env["rsa.ede.assessment"].browse(vals["assessment_id"]))
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_draft()
        return super().unlink()
