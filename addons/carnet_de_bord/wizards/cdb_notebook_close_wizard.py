from odoo import _, api, fields, models
from odoo.exceptions import UserError

FINAL_REVIEW_FIELDS = ("results", "progression", "situation_evolution", "next_steps",
                       "beneficiary_opinion")


class CdbNotebookCloseWizard(models.TransientModel):
    """"Clôturer l'accompagnement": the end of the path, with its reason
    (``cdb.end.reason``) and its final review (seed 000, "Suivi": reviews
    "à la fin du parcours … Par qui ? L'allocataire RSA et son référent").

    When the reason requires it, the dialog records the final review (or
    finds the one already validated): the référent validates it here, the
    beneficiary validates it on their portal or in the interview. The
    référent or a delegate closes (policy ``close``).

    Over RPC: create the wizard with ``notebook_id``, ``end_reason_id`` and
    the final review's fields, then call ``action_confirm``."""

    _name = "cdb.notebook.close.wizard"
    _description = "End of the accompaniment"

    notebook_id = fields.Many2one("cdb.notebook", "Carnet de bord", required=True,
                                  ondelete="cascade")
    end_reason_id = fields.Many2one("cdb.end.reason", "Why does the accompaniment end?",
                                    required=True)
    review_required = fields.Boolean(related="end_reason_id.review_required", readonly=True)
    date_end = fields.Date("Accompaniment end", required=True,
                           default=fields.Date.context_today)
    comment = fields.Text("About the end of the accompaniment")
    final_review_id = fields.Many2one(
        "cdb.review", "Final review already recorded", compute="_compute_final_review_id")
    results = fields.Text("Results obtained")
    progression = fields.Selection(
        lambda self: self.env["cdb.review"]._fields["progression"].selection,
        "Progression in the path")
    situation_evolution = fields.Text("Evolution of the situation")
    next_steps = fields.Text("What comes next")
    beneficiary_opinion = fields.Text("The beneficiary's view")

    @api.model
    def _open_for(self, notebook):
        return {
            "type": "ir.actions.act_window",
            "name": _("Close the accompaniment"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_notebook_id": notebook.id},
        }

    @api.model
    def default_get(self, fields_list):
        """The review still to write prefills the final review."""
        values = super().default_get(fields_list)
        notebook = self.env["cdb.notebook"].browse(values.get("notebook_id"))
        if not notebook:  # over RPC the carnet comes with the values of create
            return values
        draft = notebook._draft_review()
        for name in FINAL_REVIEW_FIELDS:
            if name in fields_list and draft[name]:
                values[name] = draft[name]
        return values

    @api.depends("notebook_id")
    def _compute_final_review_id(self):
        for wizard in self:
            wizard.final_review_id = wizard.notebook_id._final_review()

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        notebook = self.notebook_id
        notebook._cdb_check("close")
        if self.end_reason_id.review_required and not notebook._final_review():
            self._record_final_review()
        notebook._close(self.end_reason_id, self.date_end, self.comment)
        return {"type": "ir.actions.act_window_close"}

    def _record_final_review(self):
        """The review still to write becomes the final review (or a new one
        is made), with this dialog's content, validated by the référent."""
        if not (self.results or "").strip():
            raise UserError(_("This end of the path takes a final review: write the "
                              "results obtained with the beneficiary."))
        notebook = self.notebook_id
        values = {name: self[name] for name in FINAL_REVIEW_FIELDS}
        values.update({"reason": "end_of_path", "date": self.date_end})
        review = notebook._draft_review()
        if review:
            review.write(values)
        else:
            values.update({"notebook_id": notebook.id, "objective_ids": [(6, 0, (
                notebook.objective_ids.filtered(lambda o: o.state != "abandoned").ids))]})
            review = self.env["cdb.review"].create(values)
        review.action_validate()
        return review
