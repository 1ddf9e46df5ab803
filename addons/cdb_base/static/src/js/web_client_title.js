odoo.define('cdb_base.web_client_title', function (require) {
"use strict";

/**
 * The browser's tab says "Carnet de bord", not "Odoo".
 */
var AbstractWebClient = require('web.AbstractWebClient');

AbstractWebClient.include({
    init: function () {
        this._super.apply(this, arguments);
        this.set('title_part', {"zopenerp": "Carnet de bord"});
    },
});

});
