from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.carnet_de_bord.models.cdb_notebook_policy import (
    DELEGATES, ROLE_ADMIN, ROLE_CORRESPONDANT, ROLE_MANAGER, ROLE_REFERENT)

from .cer_contract import IN_FORCE_SQL

# The carnets with a contract in force today (parameters: _in_force_sql_params).
NOTEBOOKS_IN_FORCE_SQL = "SELECT DISTINCT notebook_id FROM cer_contract WHERE " + IN_FORCE_SQL


class CdbNotebook(models.Model):
    """The contracts and fiches de liaison of a carnet: the contract in
    force, who may do what with them (the access policy), and the records
    the retention purge and the right-of-access export cover."""

    _inherit = "cdb.notebook"

    contract_ids = fields.One2many("cer.contract", "notebook_id", "Contracts")
    contract_id = fields.Many2one(
        "cer.contract", "Contract in force", compute="_compute_contract_id")
    contract_date_end = fields.Date(related="contract_id.date_end", readonly=True,
                                    string="Contract in force until")
    has_contract_in_force = fields.Boolean(
        "Contract in force", compute="_compute_contract_id",
        search="_search_has_contract_in_force")

    # -------------------------------------------------------- access policy
    @api.model
    def _cdb_permissions(self):
        """The contracts' permissions (carnet_de_bord's policy,
        readme/ACCESS.rst). Guide: "Le contrat est à compléter par le
        référent … nommé"; "La décision du Président du Conseil Général :
        validation ou rejet du contrat"; the fiche de liaison goes from the
        référent to the correspondant, who answers; the President decides
        the actions of the Département and the avenants."""
        permissions = super()._cdb_permissions()
        permissions.update({
            "sign": (
                _("Draw up, sign, submit, renew or end a contract"),
                frozenset([ROLE_REFERENT]) | DELEGATES),
            "decide_contract": (
                _("Validate or reject a contract, apply an amendment (the President's "
                  "delegates)"),
                DELEGATES),
            "send_liaison": (
                _("Send, withdraw or reopen a fiche de liaison"),
                frozenset([ROLE_REFERENT, ROLE_MANAGER, ROLE_ADMIN])),
            "answer_liaison": (
                _("Answer a fiche de liaison addressed to you (a correspondant of the "
                  "territory)"),
                frozenset([ROLE_CORRESPONDANT, ROLE_MANAGER, ROLE_ADMIN])),
            "forward_liaison": (
                _("Answer or forward a fiche de liaison addressed to another correspondant"),
                frozenset([ROLE_MANAGER, ROLE_ADMIN])),
            "decide_liaison": (
                _("Decide on a request of actions of the Département (the President's "
                  "delegates)"),
                DELEGATES),
        })
        return permissions

    # ------------------------------------------------------ contract in force
    @api.depends("contract_ids.state")
    def _compute_contract_id(self):
        for notebook in self:
            notebook.contract_id = notebook.contract_ids.filtered(
                lambda c: c._is_in_force())[:1]
            notebook.has_contract_in_force = bool(notebook.contract_id)

    def _search_has_contract_in_force(self, operator, value):
        """Carnets with a contract in force today, in one query, whoever may
        read the contracts (the negation of a path on the contracts would
        mean "has a contract not in force"; a path would also match the
        state and the end date on two different contracts)."""
        if operator not in ("=", "!="):
            raise UserError(_("Unsupported search on the contract in force."))
        self.env.cr.execute(NOTEBOOKS_IN_FORCE_SQL, self.env["cer.contract"]._in_force_sql_params())
        ids = [row[0] for row in self.env.cr.fetchall()]
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.multi
    def action_new_contract(self):
        self.ensure_one()
        self._cdb_check("sign")
        return {
            "type": "ir.actions.act_window",
            "res_model": "cer.contract",
            "view_mode": "form",
            "target": "current",
            "context": {"default_notebook_id": self.id},
        }

    # ------------------------------------------------------ data protection
    def _cdb_personal_records(self):
        """Contracts and fiches de liaison follow the carnet in the retention
        purge and the right-of-access export (carnet_de_bord,
        models/cdb_notebook_data_protection.py): a record comes before those
        it points to with ondelete="restrict" (fiche → contract, amendment,
        EDE; contract → orientation)."""
        notebooks = self.sudo().with_context(active_test=False)
        liaisons = self.env["cer.liaison"].sudo().with_context(active_test=False).search(
            [("notebook_id", "in", notebooks.ids)])
        contracts = notebooks.mapped("contract_ids")
        return [
            liaisons,
            contracts.mapped("amendment_ids"),
            contracts.mapped("pap_line_ids"),
            contracts.mapped("job_offer_ids"),
            contracts.mapped("job_ids"),
            contracts.mapped("experience_ids"),
            contracts,
        ] + super()._cdb_personal_records()
