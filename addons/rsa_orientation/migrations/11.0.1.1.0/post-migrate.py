"""The steps of the sanction scale have a kind (reduction, suspension,
radiation): the radiation comes 4 months after the start of the suspension
step. The column is new: the guide's steps shipped by the module (data
records, noupdate) receive their kind; the others keep the default
(reduction) for the département to set."""
import logging

_logger = logging.getLogger(__name__)

KINDS = {
    "sanction_no_contract_2": "suspension",
    "sanction_breach_2": "suspension",
    "sanction_no_contract_3": "radiation",
    "sanction_breach_3": "radiation",
}


def migrate(cr, version):
    for name, kind in sorted(KINDS.items()):
        cr.execute("""
            UPDATE rsa_sanction_rule SET kind = %s
             WHERE id IN (SELECT res_id FROM ir_model_data
                           WHERE module = 'rsa_orientation' AND model = 'rsa.sanction.rule'
                             AND name = %s)""", (kind, name))
        _logger.info("Sanction step %s: %s", name, kind)
