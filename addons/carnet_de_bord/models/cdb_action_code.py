from odoo import api, fields, models
from odoo.osv import expression


class CdbActionCode(models.Model):
    """Codified insertion actions, from the RSA guide: "LES CODIFICATIONS DES
    THEMES ET DES ACTIONS D'INSERTION" and "ANNEXE 6 - LES CODIFICATIONS
    D'ACTIONS D'INSERTION".

    Themes A to J are the roots (``A - Le logement``); codes are
    hierarchical (``A.1``, ``A.1.1``). For each action the guide gives the
    services or organisms solicited and the sphere (solidarité /
    professionnelle) in which it may be prescribed.
    """

    _name = "cdb.action.code"
    _inherit = "cdb.coded.mixin"
    _description = "Codified insertion action"
    _order = "sequence, code"
    _parent_name = "parent_id"

    parent_id = fields.Many2one("cdb.action.code", "Parent", ondelete="restrict", index=True)
    child_ids = fields.One2many("cdb.action.code", "parent_id", "Sub-actions")
    theme_id = fields.Many2one(
        "cdb.action.code", "Theme", compute="_compute_theme_id", store=True, index=True)
    is_theme = fields.Boolean(compute="_compute_theme_id", store=True)
    sphere = fields.Selection([
        ("social", "Solidarity sphere"),
        ("professional", "Professional sphere"),
        ("both", "Both spheres"),
    ])
    services = fields.Text("Services or organisms solicited")
    not_alone = fields.Boolean(
        "Cannot be the only action of the plan",
        help="The guide states that this action cannot be the only action "
             "of an action plan.")
    sequence = fields.Integer(default=10)

    _sql_constraints = [
        ("code_unique", "unique(code)", "This action code already exists."),
    ]

    @api.depends("parent_id", "parent_id.theme_id")
    def _compute_theme_id(self):
        for rec in self:
            rec.is_theme = not rec.parent_id
            rec.theme_id = rec.parent_id.theme_id if rec.parent_id else rec

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """The catalogue found by its code or by words (issue 14): each word
        in the label of the action, of its parent or of its theme
        ("logement FSL" finds A.1.1 "Accompagnement logement dans le cadre du
        FSL" and every action of theme A "Le logement" about the FSL)."""
        words = (name or "").split()
        if not words or operator != "ilike":
            return super().name_search(name, args=args, operator=operator, limit=limit)
        by_words = expression.AND([
            ["|", "|", ("name", "ilike", word), ("parent_id.name", "ilike", word),
             ("theme_id.name", "ilike", word)] for word in words])
        domain = expression.OR([[("code", "=ilike", name.strip() + "%")], by_words])
        return self.search(expression.AND([domain, list(args or [])]), limit=limit).name_get()

    @api.model
    @api.returns("self", lambda value: value.id)
    def find_by_code(self, code):
        """Return the action of that code, or an empty recordset."""
        code = (code or "").strip().rstrip(".").upper()
        return self.search([("code", "=", code)], limit=1) if code else self.browse()
