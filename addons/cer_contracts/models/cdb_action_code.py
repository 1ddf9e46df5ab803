from odoo import fields, models

# The conditions Annexe 6 states for some codifications, applied to the
# plans of the contracts (cer.pap.line._check_annex6).
#
# H.3 "ACTION SPECIFIQUE POLE EMPLOI": "Ses actions ne sont réservées que
# dans le cadre d'un échange informatique avec Pôle Emploi."
FRANCE_TRAVAIL_ONLY = "france_travail_only"
# J.1 "SUIVI ADMINISTRATIF ET GESTION DE LA PRESTATION": "Cette codification
# est à utiliser pour des bénéficiaires en fin d'accompagnement dans le
# dispositif": "1 - L'orientation en continu … le bénéficiaire passe au
# dessus du seuil de 500€ de revenu d'activité mensuel", "2 – Bénéficiaire
# du Rsa en démarches administratives pour faire valoir ses droits
# retraites."
END_OF_ACCOMPANIMENT = "end_of_accompaniment"
# G.4.5 "REPRISE D'ETUDE": "la loi sur le Rsa ne permet pas au bénéficiaire
# de reprendre des études. Cependant, il est possible d'interpeller le
# Président du Conseil Général pour demander une dérogation."
DEROGATION = "derogation"
# The sphere of each contract (guide, "L'ACCOMPAGNEMENT"): an action fits
# a contract when it concerns that sphere ("Les actions concernent :
# Sphère solidarité / Sphère professionnelle").
CONTRACT_SPHERE = {
    "cer_solidarity": "social",
    "cer_professional": "professional",
    "ppae": "professional",
}


class CdbActionCode(models.Model):
    """The rules of Annexe 6 a codified action brings into a contract's
    plan: the sphere it concerns (carnet_de_bord's ``sphere``, a sub-action
    taking its parent's) and the condition the guide states for it
    (``contract_condition``, set by data/cdb_action_code_data.xml)."""

    _inherit = "cdb.action.code"

    contract_condition = fields.Selection([
        (FRANCE_TRAVAIL_ONLY, "Only in the exchange with France Travail (PPAE)"),
        (END_OF_ACCOMPANIMENT, "End of accompaniment: state the case"),
        (DEROGATION, "Derogation of the President"),
    ], "Condition in a contract",
        help="The condition Annexe 6 states for this action in a contract's plan "
             "(its sub-actions follow it).")

    def _effective_sphere(self):
        """The sphere of this action, or of the closest parent that states one."""
        self.ensure_one()
        code = self
        while code and not code.sphere:
            code = code.parent_id
        return code.sphere or "both"

    def _effective_sphere_label(self):
        sphere = self._effective_sphere()
        return dict(self._fields["sphere"]._description_selection(self.env)).get(sphere, sphere)

    def _effective_condition(self):
        """The condition of this action, or of the closest parent that has one."""
        self.ensure_one()
        code = self
        while code and not code.contract_condition:
            code = code.parent_id
        return code.contract_condition or False

    def _fits_contract(self, contract_type):
        """Whether this action concerns the sphere of a contract of this type."""
        return self._effective_sphere() in ("both", CONTRACT_SPHERE[contract_type])
