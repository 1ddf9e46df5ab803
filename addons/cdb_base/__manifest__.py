# Copyright 2026 Carnet de bord RSA contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Carnet de bord RSA : socle technique",
    "summary": "Odoo 11 workarounds and tools shared by the carnet de bord "
               "modules: document access on messages, attachments, followers, "
               "activities and appointments, the read audit hook, PDF merge, "
               "workflow fields, settings with a legal source, tools",
    "version": "11.0.1.0.0",
    "category": "Hidden",
    "license": "AGPL-3",
    "author": "Carnet de bord RSA contributors",
    "depends": ["base", "base_setup", "web", "base_import", "mail", "calendar"],
    "data": ["security/cdb_base_security.xml", "views/webclient_templates.xml"],
    "qweb": ["static/src/xml/user_menu.xml"],
    "installable": True,
}
