from odoo import SUPERUSER_ID, api, models, tools
from odoo.osv import expression

from odoo.addons.cdb_base.tools import dependent_modules

CARNET_MODULE = "carnet_de_bord"


def _dui_closed_partner_domain(user):
    return ["|", ("is_rsa_beneficiary", "=", False), ("id", "=", user.partner_id.id)]


def _dui_closed_event_domain(user):
    return [("cdb_notebook_id", "=", False)]


# Odoo's models that hold records of the carnets: what a professional whose
# access is not open still reads of them (no beneficiary but themselves, no
# appointment of a carnet).
DUI_CLOSED_DOMAINS = {
    "res.partner": _dui_closed_partner_domain,
    "calendar.event": _dui_closed_event_domain,
}


class IrRule(models.Model):
    """The conditions of access to the carnets (seed 003, "ACCESSIBILITE A
    L'INTERFACE": "L'accès au D.U.I. est conditionné par : La signature
    d'une charte utilisateur […] La demande d'accès individuelle : document
    cosigné par le référent et son responsable"), on the server, for every
    model of a carnet: a professional who has not signed the current user
    charter, or whose access request is not recorded
    (``res.users._cdb_dui_open``), gets a false domain on them, whatever
    group rule grants them — every read (forms, ``search``, ``read_group``,
    ``export_data``, ``name_search``, XML-RPC, prints, the ORM's loading of
    fields), every write, creation and deletion goes through these rules,
    and the messages, attachments, followers and activities of a carnet
    follow them (cdb_base's document access).

    The models of a carnet are those on which carnet_de_bord or a module
    built on it defines record rules and that such a module defines (the
    carnet, its parts, orientations, contracts, EP cases, imports…): the
    rule of a model of a new module is there without a line here. On the
    beneficiaries (res.partner) and appointments (calendar.event) of the
    carnets, Odoo's models, such a professional keeps what is not a carnet's
    (``DUI_CLOSED_DOMAINS``, added to the domain of the rules whatever a
    module writes in them)."""

    _inherit = "ir.rule"

    @api.model
    def _compute_domain(self, model_name, mode="read"):
        domain = super()._compute_domain(model_name, mode)
        if self._uid == SUPERUSER_ID or self.env["res.users"]._cdb_dui_open_for(self._uid):
            return domain
        if model_name in self._cdb_dui_models():
            return [expression.FALSE_LEAF]
        if model_name in DUI_CLOSED_DOMAINS:
            # sudo: the user's own partner, for their own rules
            closed = DUI_CLOSED_DOMAINS[model_name](self.env.user.sudo())
            return expression.AND([domain, closed]) if domain else closed
        return domain

    @api.model
    @tools.ormcache()
    def _cdb_dui_models(self):
        """The models of a carnet (see the class); Odoo clears the cache
        whenever a rule changes."""
        modules = self._cdb_carnet_modules()
        self.env.cr.execute("""
            SELECT DISTINCT model.model
              FROM ir_model_data data
              JOIN ir_rule rule ON data.model = 'ir.rule' AND data.res_id = rule.id
              JOIN ir_model model ON model.id = rule.model_id
             WHERE data.module IN %s""", (tuple(modules),))
        return frozenset(row[0] for row in self.env.cr.fetchall()
                         if row[0] in self.env
                         and self.env[row[0]]._original_module in modules)

    @api.model
    def _cdb_carnet_modules(self):
        """carnet_de_bord and every module depending on it, directly or not."""
        return dependent_modules(self.env.cr, CARNET_MODULE)
