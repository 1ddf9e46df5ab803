"""The beneficiary downloads their contracts from /my/carnet (seed 000:
the carnet "doit être rédigé de manière compréhensible / intelligible pour
l'allocataire"; the contract is theirs to keep)."""
from odoo import http
from odoo.http import content_disposition, request

REPORT_XMLID = "cer_contracts.action_report_cer_contract"


class CerContractPortal(http.Controller):

    @http.route("/my/carnet/contract/<int:contract_id>/pdf", type="http", auth="user")
    def portal_contract_pdf(self, contract_id, **kw):
        """The contract's PDF, for the beneficiary of its carnet only."""
        contract = request.env["cer.contract"].search([
            ("id", "=", contract_id),
            ("notebook_id.beneficiary_id", "=", request.env.user.partner_id.id)])
        if not contract:
            return request.not_found()
        # The contract is the beneficiary's own (checked above, under their
        # record rules): the report reads its catalogues as the system.
        rendered = request.env.ref(REPORT_XMLID).sudo().render_qweb_pdf(contract.ids)
        # (pdf, "pdf"); Odoo 11 answers the bare HTML body instead when it
        # runs its HTTP tests on the test cursor.
        pdf = rendered[0] if isinstance(rendered, tuple) else rendered
        filename = "Contrat %s.pdf" % (contract.name or contract.id)
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(pdf)),
            ("Content-Disposition", content_disposition(filename)),
        ])
