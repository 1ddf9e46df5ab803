from odoo import api, models


class ResConfigSettings(models.TransientModel):
    """Odoo 11 has no ``config_parameter=`` on settings fields: the fields of
    the carnet de bord modules that show a ``Setting`` (a legal figure with
    its default and source, see ``tools.Setting``) are read and written here,
    validated against the setting's bounds. Each module lists its fields by
    extending ``_cdb_settings``."""

    _inherit = "res.config.settings"

    @api.model
    def _cdb_settings(self):
        """``{field name: Setting}`` shown on the settings screen."""
        return {}

    @api.model
    def get_values(self):
        values = super().get_values()
        for name, setting in self._cdb_settings().items():
            values[name] = setting.get(self.env)
        return values

    @api.multi
    def set_values(self):
        super().set_values()
        # sudo: only settings managers reach set_values (res.config.settings
        # is restricted to them); system parameters are not readable by others
        params = self.env["ir.config_parameter"].sudo()
        for name, setting in self._cdb_settings().items():
            value = self[name]
            setting.check(value, self._fields[name].get_description(self.env)["string"])
            params.set_param(setting.key, setting.serialize(value))
