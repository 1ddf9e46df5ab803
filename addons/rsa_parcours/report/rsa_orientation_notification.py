from odoo import api, models


class ReportOrientationNotification(models.AbstractModel):
    """The notification letter prints only the orientations the user may
    read: checked before anything is rendered (a print is a read)."""

    _name = "report.rsa_parcours.report_orientation_notification"
    _description = "Orientation notification letter"

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self.env["rsa.orientation"].browse(docids)
        docs.check_access_rights("read")
        docs.check_access_rule("read")
        return {"doc_ids": docids, "doc_model": "rsa.orientation", "docs": docs,
                "data": data}
