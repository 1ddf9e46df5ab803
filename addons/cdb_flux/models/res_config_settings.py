from odoo import api, fields, models

from ..settings import CAF_CREATE_NOTEBOOKS, CAF_XSD_PATH, FLUX_FOLDER


class ResConfigSettings(models.TransientModel):
    """The flux imports' figures on the settings screen (settings.py)."""

    _inherit = "res.config.settings"

    cdb_flux_create_notebooks = fields.Boolean(
        "Open the carnets from the CAF/MSA flux", help=CAF_CREATE_NOTEBOOKS.source)
    cdb_flux_xsd_path = fields.Char("Schema of the CAF/MSA flux", help=CAF_XSD_PATH.source)
    cdb_flux_folder = fields.Char("Folder of the flux", help=FLUX_FOLDER.source)
    cdb_flux_sources = fields.Html("Sources", compute="_compute_cdb_flux_sources")

    @api.model
    def _cdb_settings(self):
        settings = super()._cdb_settings()
        settings.update({
            "cdb_flux_create_notebooks": CAF_CREATE_NOTEBOOKS,
            "cdb_flux_xsd_path": CAF_XSD_PATH,
            "cdb_flux_folder": FLUX_FOLDER,
        })
        return settings

    def _compute_cdb_flux_sources(self):
        for settings in self:
            settings.cdb_flux_sources = settings._cdb_settings_sources_html([
                "cdb_flux_create_notebooks", "cdb_flux_xsd_path", "cdb_flux_folder"])
