# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "RSA parcours (loi pour le plein emploi)",
    "summary": "Parcours and organismes référents as data, national orientation criteria, "
               "the 6-week orientation clock, notification and the 1-month contract "
               "deadline, joint diagnostic, France Travail registration, statistics",
    "version": "11.0.1.1.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["cer_contracts", "cdb_departement", "cdb_flux"],
    "data": [
        "security/ir.model.access.csv",
        "security/rsa_parcours_rules.xml",
        "data/rsa_parcours_data.xml",
        "report/rsa_orientation_notification_report.xml",
        "report/rsa_parcours_reports.xml",
        "views/rsa_parcours_views.xml",
        "views/res_partner_views.xml",
        "views/rsa_orientation_views.xml",
        "views/cdb_notebook_views.xml",
        "views/cdb_dashboard_views.xml",
        "views/rsa_oarsa_wizard_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/rsa_parcours_demo.xml",
    ],
    "installable": True,
}
