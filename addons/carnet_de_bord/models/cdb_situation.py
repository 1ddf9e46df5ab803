from odoo import _, api, fields, models


class CdbSituation(models.Model):
    """The beneficiary's situation (diagnostic), "révisable/historique"
    (seed 000, "Carnet de bord"): each revision is a new version; a saved
    version is never overwritten, so the history shows who changed what and
    when. Health details are not part of it: they live in ``cdb.health``,
    shared separately (readme/SHARING.rst).

    Said once (seed 002, "dites-le nous une fois"): the recognition as a
    disabled worker (RQTH), the education level (guide, Annexe 1) and the
    jobs sought (ROME codes, Annexe 4) live here only; the socio-professional
    data (rsa_orientation) and the CER professionnel (cer_contracts) show
    them from the carnet's situation (``_said_once_values``) and nobody types
    them again there."""

    _name = "cdb.situation"
    _inherit = ["cdb.revision.mixin", "cdb.notebook.part.mixin"]
    _description = "Situation (diagnostic)"
    _order = "create_date desc, id desc"
    _rec_name = "create_date"
    _revision_fields = (
        "family", "housing", "resources", "mobility", "employment",
        "rqth", "diploma_level_id", "rome_code_ids", "summary",
    )

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    family = fields.Text("Family situation")
    housing = fields.Text()
    resources = fields.Text("Resources and budget")
    mobility = fields.Text()
    employment = fields.Text("Employment and training")
    rqth = fields.Boolean("Recognised disabled worker (RQTH)")
    diploma_level_id = fields.Many2one("cdb.diploma.level", "Education level")
    rome_code_ids = fields.Many2many("cdb.rome.code", string="Jobs sought (ROME)")
    summary = fields.Text("Diagnostic summary")
    reason = fields.Char("Reason for the revision")

    @api.model
    def _said_once_values(self, notebooks, at=None):
        """``{notebook id: situation}``: the version of the situation each
        carnet holds now, or at the moment ``at`` (a datetime string) when
        given — read as the current user (the beneficiary's sharing choices
        apply): the one place of the items said once."""
        result = {}
        for notebook in notebooks:
            versions = notebook.situation_ids
            if at:
                versions = versions.filtered(lambda s: s.create_date <= at)
            result[notebook.id] = versions[:1]
        return result

    @api.multi
    def action_save_revision(self):
        """Button of the revision dialog: the record is already saved."""
        self.mapped("notebook_id").message_post(body=_("Situation revised."))
        return {"type": "ir.actions.act_window_close"}
