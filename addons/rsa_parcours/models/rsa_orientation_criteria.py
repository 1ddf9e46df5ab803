from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.rsa_orientation.models.cdb_notebook import PERM_PROPOSE

from .rsa_parcours import EMPLOYMENT, SOCIAL, SOCIO_PROFESSIONAL

IMPACTS = [("strong", "Strong"), ("medium", "Medium"), ("none", "None")]
EMPLOYMENT_SITUATIONS = [
    ("in_employment", "In employment or training"),
    ("recent", "Without employment for less than 12 months"),
    ("long_term", "Without employment for 12 months or more"),
    ("never", "Never worked"),
]
QUALIFICATIONS = [
    ("none", "No qualification (below CAP/BEP)"),
    ("cap_bep", "CAP, BEP or equivalent"),
    ("bac", "Baccalauréat or equivalent"),
    ("higher", "Higher education"),
]
PROJECTIONS = [
    ("yes", "Yes"),
    ("partly", "Partly"),
    ("no", "No"),
]
# The peripheral barriers of the arrêté, each a field "<name>_impact".
BARRIERS = ("health", "housing", "mobility", "childcare", "caregiver", "other")


def proposed_code(value):
    """The code of the proposed parcours (rule in the docstring of
    ``RsaOrientationCriteria``) from ``value(name)``, the value of each
    criterion; None until the criteria on employment, qualification and
    projection are filled."""
    situation, qualification, projection = (
        value("employment_situation"), value("qualification"), value("projection"))
    if not (situation and qualification and projection):
        return None
    impacts = [value("%s_impact" % name) or "none" for name in BARRIERS]
    strong, medium = impacts.count("strong"), impacts.count("medium")
    if projection == "no" or strong >= 2:
        return SOCIAL
    close_to_employment = situation in ("in_employment", "recent") or \
        qualification in ("bac", "higher")
    if not strong and medium <= 1 and projection == "yes" and close_to_employment:
        return EMPLOYMENT
    return SOCIO_PROFESSIONAL


class RsaOrientationCriteria(models.Model):
    """The national orientation criteria of one orientation (arrêté du 21
    novembre 2024 fixant les critères d'orientation des personnes
    inscrites sur la liste des demandeurs d'emploi): the situation with
    regard to employment, the qualification, the capacity to project
    oneself into an employment path, and the peripheral barriers (health,
    housing, mobility, childcare, caring for a relative, other), each with
    its impact (strong / medium / none). They sit beside the guide's
    employment-distance scale (EDE), which stays available.

    From them a **proposed parcours** (``_proposed_code``, the product's
    rule; the arrêté lists the criteria, it gives no scoring):

    - **social** when the person cannot project themselves into an
      employment path, or when two barriers or more have a strong impact;
    - **emploi** when no barrier has a strong impact, at most one a medium
      impact, the person can project themselves, and they are in or close
      to employment (in employment or training, without employment for
      less than 12 months) or hold at least the baccalauréat;
    - **socio-professionnel** otherwise.

    The delegate may decide another parcours, with a reason
    (``rsa.orientation.parcours_reason``). The criteria are filled while
    the orientation is a draft; the decision freezes them.
    """

    _name = "rsa.orientation.criteria"
    _inherit = "cdb.notebook.part.mixin"
    _description = "National orientation criteria"

    notebook_id = fields.Many2one(
        "cdb.notebook", "Carnet de bord", required=True, ondelete="cascade", index=True)
    orientation_id = fields.Many2one(
        "rsa.orientation", "Orientation", ondelete="cascade", index=True)
    employment_situation = fields.Selection(
        EMPLOYMENT_SITUATIONS, "Situation with regard to employment")
    qualification = fields.Selection(QUALIFICATIONS)
    projection = fields.Selection(
        PROJECTIONS, "Able to project oneself into an employment path")
    health_impact = fields.Selection(IMPACTS, "Health", default="none")
    housing_impact = fields.Selection(IMPACTS, "Housing", default="none")
    mobility_impact = fields.Selection(IMPACTS, "Mobility", default="none")
    childcare_impact = fields.Selection(IMPACTS, "Childcare", default="none")
    caregiver_impact = fields.Selection(IMPACTS, "Caring for a relative", default="none")
    other_impact = fields.Selection(IMPACTS, "Other barrier", default="none")
    other_barrier = fields.Char("Other barrier (which)")
    proposed_parcours_id = fields.Many2one(
        "rsa.parcours", "Proposed parcours", compute="_compute_proposed_parcours_id",
        store=True)

    _sql_constraints = [
        ("orientation_unique", "unique(orientation_id)",
         "An orientation has one record of criteria."),
    ]

    # ------------------------------------------------------------ proposal
    @api.depends("employment_situation", "qualification", "projection",
                 *["%s_impact" % name for name in BARRIERS])
    def _compute_proposed_parcours_id(self):
        Parcours = self.env["rsa.parcours"]
        for criteria in self:
            code = criteria._proposed_code()
            criteria.proposed_parcours_id = Parcours._by_code(code) if code else False

    def _proposed_code(self):
        return proposed_code(lambda name: self[name])

    def _cdb_readable(self):
        """Whether the user may read these criteria (rules and the
        beneficiary's sharing choices): the orientation shows them only
        then."""
        if not self or not self.check_access_rights("read", raise_exception=False):
            return False
        try:
            self.check_access_rule("read")
        except AccessError:
            return False
        return True

    # ---------------------------------------------------------- integrity
    @api.model
    def create(self, vals):
        notebook = self.env["cdb.notebook"].browse(vals.get("notebook_id"))
        notebook._cdb_check(PERM_PROPOSE)
        if vals.get("orientation_id"):
            orientation = self.env["rsa.orientation"].browse(vals["orientation_id"])
            if orientation.notebook_id != notebook:
                raise UserError(_("The criteria belong to the carnet of their orientation."))
            orientation._check_criteria_editable()
        return super().create(vals)

    def _cdb_part_links(self):
        """The criteria stay in their carnet and with their orientation."""
        return super()._cdb_part_links() + ("orientation_id",)

    @api.multi
    def write(self, vals):
        for criteria in self:
            criteria.notebook_id._cdb_check(PERM_PROPOSE)
            criteria.orientation_id._check_criteria_editable()
        return super().write(vals)

    @api.multi
    def unlink(self):
        for criteria in self:
            criteria.orientation_id._check_criteria_editable()
        return super().unlink()
