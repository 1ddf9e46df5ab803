"""The beneficiary declares the hours of a week of their contrat
d'engagement on /my/carnet; a member of the carnet confirms them (loi pour
le plein emploi: the weekly activity)."""
import werkzeug

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request


class EngagementPortal(http.Controller):

    @http.route("/my/carnet/contract/<int:contract_id>/hours", type="http", auth="user",
                methods=["POST"])
    def portal_declare_hours(self, contract_id, week_start=None, hours=None, **kw):
        """Declare the hours of the week of ``week_start`` (its Monday);
        ``rsa.activity.week._portal_declare`` checks the carnet's policy."""
        try:
            request.env["rsa.activity.week"]._portal_declare(
                contract_id, week_start, float((hours or "0").replace(",", ".")))
            state = "declared"
        except (AccessError, UserError, ValidationError, ValueError):
            request.env.cr.rollback()
            state = "refused"
        return werkzeug.utils.redirect("/my/carnet?hours=%s#contracts" % state)
