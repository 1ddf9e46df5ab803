from odoo import api, models


class CerDrawnUpMixin(models.AbstractModel):
    """A contract and its parts (plan, jobs sought, experiences, job
    offers, avenants) are drawn up by the référent, or a delegate of the
    President (the carnet's permission ``sign``): guide, "Le contrat est à
    compléter par le référent solidarité nommé"; "Le référent utilise la
    fiche de liaison comme avenant au CER". An accompagnateur of the carnet
    reads them and fills the part that concerns him (seed 000:
    "L'accompagnateur remplit la partie qui le concerne"): the PAP lines of
    the actions he is in charge of (``cer.pap.line``), nothing else.

    Checked on every path a client has: create, write, unlink; the
    module's own actions (renewal, avenant applied) checked the policy
    before they write."""

    _name = "cer.drawn.up.mixin"
    _description = "Drawn up by the référent"

    # The path from the record to its carnet.
    _cer_notebook_path = "contract_id.notebook_id"

    @api.model
    def create(self, vals):
        records = super().create(vals)
        if not self._cer_by_an_action():
            records._check_drawn_up_by_referent()
        return records

    @api.multi
    def write(self, vals):
        if not self._cer_by_an_action():
            self._check_may_write_drawn_up(vals)
        return super().write(vals)

    @api.multi
    def unlink(self):
        if not self._cer_by_an_action():
            self._check_drawn_up_by_referent()
        return super().unlink()

    def _cer_by_an_action(self):
        """A write made by an action of the module, which checked the
        policy (cdb.workflow.mixin's transition)."""
        return self.env["cer.contract"]._in_workflow_transition()

    def _cer_notebooks(self):
        # sudo: where the records belong decides who may write them
        return self.sudo().mapped(self._cer_notebook_path)

    def _check_drawn_up_by_referent(self):
        """AccessError unless the user may draw up the contracts of these
        records' carnets (``sign``)."""
        for notebook in self._cer_notebooks():
            notebook.with_env(self.env)._cdb_check("sign")

    def _check_may_write_drawn_up(self, vals):
        self._check_drawn_up_by_referent()
