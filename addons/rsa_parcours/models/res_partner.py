from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

ORGANISM_KINDS = [
    ("france_travail", "France Travail"),
    ("mission_locale", "Mission locale"),
    ("cap_emploi", "Cap emploi"),
    ("departement", "Services of the département"),
    ("association", "Delegated association"),
    ("other", "Other"),
]
FT_STATUSES = [
    ("pending", "Registration pending"),
    ("registered", "Registered"),
    ("not_registered", "Not registered"),
    ("removed", "Removed from the list"),
]


class ResPartner(models.Model):
    """Organismes référents and the automatic registration with France
    Travail (loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi).

    - A structure (``cdb_is_structure``) may be an **organisme référent**:
      its kind (France Travail, mission locale, Cap emploi, the
      département's services, a delegated association) and the parcours it
      offers. An orientation under the law designates one offering the
      chosen parcours.
    - A beneficiary (and the spouse, who is a beneficiary of their own) is
      registered with France Travail automatically: the registration date,
      the identifier (carnet_de_bord's ``france_travail_id``) and the
      status are recorded here.
    """

    _inherit = "res.partner"

    cdb_is_organisme_referent = fields.Boolean(
        "Organisme référent",
        help="Loi pour le plein emploi: an organism that may be designated as référent "
             "of a beneficiary's parcours.")
    cdb_organism_kind = fields.Selection(ORGANISM_KINDS, "Kind of organism")
    cdb_parcours_ids = fields.Many2many(
        "rsa.parcours", "rsa_parcours_organism_rel", "partner_id", "parcours_id",
        "Parcours offered")
    # ----------------------------------------- France Travail registration
    ft_registration_date = fields.Date(
        "Registered with France Travail on", track_visibility="onchange")
    ft_registration_status = fields.Selection(
        FT_STATUSES, "France Travail registration", track_visibility="onchange")
    spouse_ft_registration_date = fields.Date(
        "Spouse registered with France Travail on",
        related="rsa_spouse_id.ft_registration_date", readonly=True)
    spouse_ft_registration_status = fields.Selection(
        related="rsa_spouse_id.ft_registration_status", readonly=True,
        string="Spouse's France Travail registration")
    spouse_france_travail_id = fields.Char(
        related="rsa_spouse_id.france_travail_id", readonly=True,
        string="Spouse's France Travail identifier")

    @api.constrains("cdb_is_organisme_referent", "cdb_is_structure", "cdb_organism_kind")
    def _check_organisme_referent(self):
        for partner in self.filtered("cdb_is_organisme_referent"):
            if not partner.cdb_is_structure or not partner.cdb_organism_kind:
                raise ValidationError(_(
                    "An organisme référent is an accompaniment structure with its kind "
                    "(France Travail, mission locale, Cap emploi, département, association)."))

    @api.constrains("ft_registration_status", "ft_registration_date")
    def _check_ft_registration(self):
        for partner in self:
            if partner.ft_registration_status == "registered" and \
                    not partner.ft_registration_date:
                raise ValidationError(_(
                    "A registration with France Travail needs its date."))
