from odoo import _, api, models
from odoo.tools import html_escape


class ResConfigSettings(models.TransientModel):
    """Odoo 11 has no ``config_parameter=`` on settings fields: the fields of
    the carnet de bord modules that show a ``Setting`` (a legal figure with
    its default and source, see ``tools.Setting``) are read and written here,
    validated against the setting's bounds. Each module lists its fields by
    extending ``_cdb_settings``.

    The screen also shows, for each block, every figure with its default and
    its source (not only as a tooltip): a module adds a computed Html field
    that calls ``_cdb_settings_sources_html(field names)`` and puts it in its
    block (see carnet_de_bord's ``cdb_settings_sources``)."""

    _inherit = "res.config.settings"

    @api.model
    def _cdb_settings(self):
        """``{field name: Setting}`` shown on the settings screen."""
        return {}

    @api.model
    def get_values(self):
        values = super().get_values()
        for name, setting in self._cdb_settings().items():
            values[name] = setting.to_field(setting.get(self.env))
        return values

    @api.multi
    def set_values(self):
        result = super().set_values()
        # sudo: only settings managers reach set_values (res.config.settings
        # is restricted to them); system parameters are not readable by others
        params = self.env["ir.config_parameter"].sudo()
        changed = set()
        for name, setting in self._cdb_settings().items():
            value = setting.from_field(self[name])
            setting.check(value, self._cdb_field_label(name))
            if setting.get(self.env) != value:
                changed.add(setting.key)
            params.set_param(setting.key, setting.serialize(value))
        if changed:
            self._cdb_settings_changed(changed)
        return result

    @api.model
    def _cdb_settings_changed(self, keys):
        """Hook after the settings screen changed the settings of ``keys``
        (their system parameters): a module recomputes here the stored
        fields computed from them (a due date follows a new delay)."""
        return True

    def _cdb_field_label(self, name):
        return self._fields[name].get_description(self.env)["string"]

    @api.model
    def _cdb_settings_sources_html(self, field_names):
        """A read-only table of the figures of ``field_names``: label,
        default and source, in the user's language (the sources are
        quotations, kept as written)."""
        settings = self._cdb_settings()
        rows = []
        for name in field_names:
            setting = settings[name]
            rows.append("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (
                html_escape(self._cdb_field_label(name)),
                html_escape(setting.default_text()), html_escape(setting.source)))
        return (
            '<table class="table table-condensed o_cdb_settings_sources">'
            "<thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead>"
            "<tbody>%s</tbody></table>") % (
                html_escape(_("Figure")), html_escape(_("Default")),
                html_escape(_("Source")), "".join(rows))
