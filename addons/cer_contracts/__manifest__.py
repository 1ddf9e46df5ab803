# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Contrats d'engagements réciproques",
    "summary": "CER solidarité and professionnel, PPAE, PAP lines, signatures, "
               "renewals, amendments and fiches de liaison",
    "version": "11.0.1.1.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["carnet_de_bord", "rsa_orientation"],
    "data": [
        "security/ir.model.access.csv",
        "security/cer_contracts_rules.xml",
        "security/cer_sharing_rules.xml",
        "security/cer_portal_rules.xml",
        "data/cer_contracts_config_data.xml",
        "data/cer_commitment_data.xml",
        "data/cer_liaison_action_data.xml",
        "data/cer_contracts_cron.xml",
        "report/cer_contract_report.xml",
        "report/cer_liaison_report.xml",
        "report/cdb_notebook_summary_report.xml",
        "views/cer_contracts_menus.xml",
        "views/cer_commitment_views.xml",
        "views/cer_pap_line_views.xml",
        "views/cer_amendment_views.xml",
        "views/cer_contract_views.xml",
        "views/cer_liaison_views.xml",
        "views/rsa_orientation_views.xml",
        "views/cdb_notebook_views.xml",
        "views/cer_portal_templates.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/cer_contracts_demo.xml",
    ],
    "installable": True,
}
