# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "RSA orientation",
    "summary": "Socio-professional data, employment-distance scale (EDE), "
               "orientation decisions and équipes pluridisciplinaires",
    "version": "11.0.1.0.0",
    "category": "Social",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["carnet_de_bord"],
    "data": [
        "security/rsa_orientation_security.xml",
        "security/ir.model.access.csv",
        "security/rsa_orientation_rules.xml",
        "security/rsa_sharing_rules.xml",
        "data/rsa_orientation_config_data.xml",
        "data/rsa_ede_default_scale.xml",
        "data/rsa_sanction_rule_data.xml",
        "data/rsa_orientation_cron.xml",
        "report/rsa_ede_assessment_report.xml",
        "report/rsa_ep_case_report.xml",
        "views/rsa_orientation_menus.xml",
        "views/rsa_ede_scale_views.xml",
        "views/rsa_ede_assessment_views.xml",
        "views/rsa_dsp_views.xml",
        "views/rsa_orientation_views.xml",
        "views/rsa_ep_session_views.xml",
        "views/rsa_ep_case_views.xml",
        "views/rsa_sanction_rule_views.xml",
        "views/res_partner_views.xml",
        "views/cdb_notebook_views.xml",
    ],
    "demo": [
        "demo/rsa_orientation_demo.xml",
    ],
    "installable": True,
}
