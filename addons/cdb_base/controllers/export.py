"""The import-compatible export (the database's identifiers of the records,
made to be imported back) is refused to who may not import
(``res.users._cdb_check_import_export``); the ordinary export stays."""
import json

from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.main import CSVExport, ExcelExport, serialize_exception


def check_export(data):
    if json.loads(data).get("import_compat"):
        request.env["res.users"]._cdb_check_import_export()


class CdbCSVExport(CSVExport):

    @http.route()
    @serialize_exception
    def index(self, data, token):
        check_export(data)
        return super().index(data, token)


class CdbExcelExport(ExcelExport):

    @http.route()
    @serialize_exception
    def index(self, data, token):
        check_export(data)
        return super().index(data, token)
