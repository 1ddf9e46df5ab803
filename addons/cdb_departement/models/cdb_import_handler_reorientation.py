from odoo import models


class CdbImportHandlerReorientation(models.AbstractModel):
    """Reorientations decided outside the carnet (équipe pluridisciplinaire,
    orientation team): each line decides a new orientation of an existing
    beneficiary, as the "Decide" button does (rsa_orientation: the previous
    orientation is replaced, the carnet's référent changes, the contract
    deadline starts). A line already applied is left unchanged."""

    _name = "cdb.import.handler.reorientation"
    _inherit = "cdb.import.handler.referent_assignment"
    _description = "Import of reorientations"

    def _check_row(self, state, line, values):
        errors = super()._check_row(state, line, values)
        errors += self._orientation_errors(values)
        return errors

    def _write_rows(self, state, rows):
        counts = self._counts()
        for _line, values in rows:
            notebook = self._notebook(values["_match"])
            date_decision = values.get("orientation_date") or state["today"]
            current = notebook.orientation_id
            if current.orientation_type == values["orientation_type"] and \
                    current.date_decision == date_decision and \
                    current.referent_id.id == values["referent_id"][0]:
                counts["unchanged"] += 1
                continue
            orientation = self.env["rsa.orientation"].with_context(mail_create_nolog=True).create({
                "notebook_id": notebook.id,
                "orientation_type": values["orientation_type"],
                "date_decision": date_decision,
                "organism_id": values.get("structure_id") or False,
                "referent_id": values["referent_id"][0],
                "correspondant_id": (values.get("correspondant_id") or (False,))[0],
                "basis": "team",
                "note": values.get("note") or False,
            })
            orientation.action_decide()
            counts["created"] += 1
        return counts
