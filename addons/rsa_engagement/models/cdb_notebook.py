from odoo import _, api, fields, models

from odoo.addons.carnet_de_bord.models.cdb_notebook_policy import (
    DELEGATES, ROLE_BENEFICIARY, ROLE_MEMBER, ROLE_REFERENT)

from .rsa_activity_week import PERM_DECLARE_HOURS, PERM_RECORD_HOURS
from .rsa_manquement import PERM_DECIDE_SANCTION, PERM_REMOBILISE, PERM_REPORT_FAILURE


class CdbNotebook(models.Model):
    """The permissions of the law in force (carnet_de_bord's policy): the
    référent records the weekly hours and the failures, invites the person to
    present observations and records the remobilisation; the President's
    delegates decide the sanction (loi pour le plein emploi, décret du 30 mai
    2025: "le président du conseil départemental … décide")."""

    _inherit = "cdb.notebook"

    manquement_ids = fields.One2many("rsa.manquement", "notebook_id", "Failures")

    @api.model
    def _cdb_permissions(self):
        permissions = super()._cdb_permissions()
        permissions.update({
            PERM_RECORD_HOURS: (
                _("Record or confirm the realised hours of a contrat d'engagement"),
                frozenset([ROLE_MEMBER]) | DELEGATES),
            PERM_DECLARE_HOURS: (
                _("Declare one's realised hours on the portal (a member confirms them)"),
                frozenset([ROLE_BENEFICIARY])),
            PERM_REPORT_FAILURE: (
                _("Record a failure, invite the person to present observations, record "
                  "their answer, print the letters"),
                frozenset([ROLE_REFERENT]) | DELEGATES),
            PERM_DECIDE_SANCTION: (
                _("Decide a suspension or a removal, record the EP's opinion (the "
                  "President's delegates)"),
                DELEGATES),
            PERM_REMOBILISE: (
                _("Record the remobilisation that ends a suspension"),
                frozenset([ROLE_REFERENT]) | DELEGATES),
        })
        return permissions

    def _cdb_personal_records(self):
        """The failures follow the carnet in the retention purge and the
        right-of-access export; the weekly hours go with their contract."""
        notebooks = self.sudo().with_context(active_test=False)
        return [
            notebooks.mapped("manquement_ids"),
            notebooks.mapped("contract_ids.activity_week_ids"),
        ] + super()._cdb_personal_records()
