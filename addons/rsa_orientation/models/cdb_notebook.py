from odoo import _, api, fields, models


class CdbNotebook(models.Model):
    """The carnet follows the whole path: orientations, socio-professional
    data, employment-distance assessments and EP cases."""

    _inherit = "cdb.notebook"

    orientation_ids = fields.One2many("rsa.orientation", "notebook_id", "Orientations")
    orientation_id = fields.Many2one(
        "rsa.orientation", "Current orientation", compute="_compute_orientation_id")
    orientation_type = fields.Selection(
        related="orientation_id.orientation_type", readonly=True, string="Orientation")
    dsp_ids = fields.One2many("rsa.dsp", "notebook_id", "Socio-professional data history")
    dsp_id = fields.Many2one("rsa.dsp", "Current socio-professional data",
                             compute="_compute_dsp_id")
    ede_assessment_ids = fields.One2many("rsa.ede.assessment", "notebook_id", "EDE assessments")
    ede_chart = fields.Html("Evolution of the scale", compute="_compute_ede_chart",
                            sanitize=False)
    ep_case_ids = fields.One2many("rsa.ep.case", "notebook_id", "EP cases")

    @api.depends("orientation_ids.state")
    def _compute_orientation_id(self):
        for notebook in self:
            notebook.orientation_id = notebook.orientation_ids.filtered(
                lambda o: o.state == "decided")[:1]

    @api.depends("dsp_ids")
    def _compute_dsp_id(self):
        for notebook in self:
            notebook.dsp_id = notebook.dsp_ids[:1]

    def _compute_ede_chart(self):
        for notebook in self:
            notebook.ede_chart = notebook.ede_assessment_ids._chart_svg()

    @api.multi
    def action_new_orientation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "rsa.orientation",
            "view_mode": "form",
            "target": "current",
            "context": {"default_notebook_id": self.id,
                        "default_referent_id": self.referent_id.id},
        }

    @api.multi
    def action_revise_dsp(self):
        self.ensure_one()
        return self.dsp_id._revision_action(self, _("Update the socio-professional data"))

    @api.multi
    def action_new_ede_assessment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "rsa.ede.assessment",
            "view_mode": "form",
            "target": "current",
            "context": {"default_notebook_id": self.id},
        }
