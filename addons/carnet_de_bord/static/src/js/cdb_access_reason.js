odoo.define('carnet_de_bord.access_reason', function (require) {
"use strict";

/**
 * A user who is not a member of a carnet opens it: the server refuses with
 * CdbAccessReasonRequired (models/cdb_notebook_audit.py) and this handler,
 * instead of an error dialog, opens the "Motif de consultation" dialog of
 * the first carnet concerned; once the reason is given, the carnet opens.
 */
var core = require('web.core');
var web_client = require('web.web_client');

var EXCEPTION = 'odoo.addons.carnet_de_bord.models.cdb_notebook_audit.CdbAccessReasonRequired';

var AccessReasonHandler = core.Class.extend({
    init: function (parent, error) {
        this.error = error;
    },
    display: function () {
        var notebookIds = this.error.data.arguments[1] || [];
        return web_client.do_action('carnet_de_bord.cdb_access_reason_wizard_action', {
            additional_context: {default_notebook_id: notebookIds[0]},
        });
    },
});

core.crash_registry.add(EXCEPTION, AccessReasonHandler);

return AccessReasonHandler;
});
