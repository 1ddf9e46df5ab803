odoo.define('cdb_base.import_export', function (require) {
"use strict";

/**
 * Odoo's generic "Import" button and the "Import-Compatible Export" are
 * hidden from who may not use them (session flag cdb_may_import_export,
 * from ir.http.session_info); the server refuses them too
 * (base_import.import, the export controllers).
 */
require('base_import.import_buttons');
var DataExport = require('web.DataExport');
var KanbanController = require('web.KanbanController');
var ListController = require('web.ListController');
var session = require('web.session');

var NoImportMixin = {
    init: function () {
        this._super.apply(this, arguments);
        if (!session.cdb_may_import_export) {
            this.importEnabled = false;
        }
    },
};

ListController.include(NoImportMixin);
KanbanController.include(NoImportMixin);

DataExport.include({
    start: function () {
        if (!session.cdb_may_import_export) {
            // only "Export all Data": the import-compatible choice is removed
            var $choices = this.$('.o_import_compat');
            $choices.find('input[value="yes"]').closest('div').remove();
            $choices.find('input').prop('checked', true);
            $choices.hide();
        }
        return this._super.apply(this, arguments);
    },
});

});
