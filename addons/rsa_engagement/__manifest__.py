# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Contrat d'engagement et suspension-remobilisation",
    "summary": "The law in force (loi pour le plein emploi): contrat d'engagement, "
               "15 hours a week, conversion of the guide's contracts, "
               "manquement, observations, suspension and remobilisation",
    "version": "11.0.1.0.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["cer_contracts", "cdb_departement", "rsa_parcours"],
    "data": [
        "security/ir.model.access.csv",
        "security/rsa_engagement_rules.xml",
        "data/rsa_engagement_data.xml",
        "data/rsa_engagement_cron.xml",
        "report/cer_contract_report.xml",
        "report/rsa_manquement_reports.xml",
        "views/cer_contract_views.xml",
        "views/rsa_manquement_views.xml",
        "views/res_config_settings_views.xml",
        "views/cdb_dashboard_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/rsa_engagement_demo.xml",
    ],
    "installable": True,
}
