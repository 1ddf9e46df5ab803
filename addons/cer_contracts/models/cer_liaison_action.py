from odoo import _, api, fields, models
from odoo.exceptions import UserError

CATEGORIES = [
    ("common_law", "Common law policy – social action"),
    ("social_insertion", "Complementary and subsidiary actions – social insertion scheme"),
    ("professional_insertion",
     "Actions towards employment – professional insertion scheme"),
]


class CerLiaisonAction(models.Model):
    """A check-box of the "DEMANDE D'ACTION CONSEIL GENERAL" part of the fiche
    de liaison (guide, Annexe 7): the actions of the Département a référent
    may request for the beneficiary, grouped by policy (``category``) and
    heading ("Axe 1 Dynamisation et Mobilisation des compétences", …).

    The list is data the Département maintains (data/cer_liaison_action_data.xml,
    noupdate): an action no longer offered is archived, never deleted, so the
    fiches that requested it keep their history."""

    _name = "cer.liaison.action"
    _description = "Action of the Département (fiche de liaison)"
    _order = "category_sequence, sequence, id"

    category = fields.Selection(CATEGORIES, required=True, index=True)
    category_sequence = fields.Integer(
        compute="_compute_category_sequence", store=True, index=True)
    heading = fields.Char(
        help="Heading of the paper form the action appears under, e.g. "
             "\"Axe 1 Dynamisation et Mobilisation des compétences\".")
    name = fields.Char("Action", required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    needs_precision = fields.Boolean(
        "Needs details",
        help="The référent must say which action and which organism in the "
             "details of the request (\"Précisez : (action, organisme)\").")
    required_document = fields.Char(
        "Document to attach",
        help="A document the request must come with, e.g. the CV for a position "
             "on a Contrat Unique d'Insertion.")

    @api.depends("category")
    def _compute_category_sequence(self):
        order = [key for key, _label in CATEGORIES]
        for action in self:
            action.category_sequence = order.index(action.category) \
                if action.category in order else len(order)

    @api.multi
    def name_get(self):
        return [(action.id, "%s – %s" % (action.heading, action.name)
                 if action.heading else action.name) for action in self]

    @api.multi
    def unlink(self):
        """A ticked action stays in the history of the fiches that requested
        it: archive it instead (the database would silently untick it)."""
        used = self.env["cer.liaison"].sudo().with_context(active_test=False).search(
            [("action_ids", "in", self.ids)], limit=1)
        if used:
            raise UserError(_(
                "Fiches de liaison requested this action: archive it instead of "
                "deleting it."))
        return super().unlink()
