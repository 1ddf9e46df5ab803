from odoo import _, api, fields, models


class CdbSituation(models.Model):
    """The beneficiary's situation (diagnostic), "révisable/historique"
    (seed 000, "Carnet de bord"): each revision is a new version; a saved
    version is never overwritten, so the history shows who changed what and
    when. Health details are not part of it: they live in ``cdb.health``,
    shared separately (readme/SHARING.rst)."""

    _name = "cdb.situation"
    _inherit = ["cdb.revision.mixin", "cdb.notebook.part.mixin"]
    _description = "Situation (diagnostic)"
    _order = "create_date desc, id desc"
    _rec_name = "create_date"
    _revision_fields = (
        "family", "housing", "resources", "mobility", "employment",
        "diploma_level_id", "rome_code_ids", "summary",
    )

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    family = fields.Text("Family situation")
    housing = fields.Text("Housing")
    resources = fields.Text("Resources and budget")
    mobility = fields.Text("Mobility")
    employment = fields.Text("Employment and training")
    diploma_level_id = fields.Many2one("cdb.diploma.level", "Education level")
    rome_code_ids = fields.Many2many("cdb.rome.code", string="Jobs sought (ROME)")
    summary = fields.Text("Diagnostic summary")
    reason = fields.Char("Reason for the revision")

    @api.multi
    def action_save_revision(self):
        """Button of the revision dialog: the record is already saved."""
        self.mapped("notebook_id").message_post(body=_("Situation revised."))
        return {"type": "ir.actions.act_window_close"}
