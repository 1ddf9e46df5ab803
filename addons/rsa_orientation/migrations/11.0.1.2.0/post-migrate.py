"""The regime of an orientation (the law or the guide) is decided once, by
its decision's date against the date of the new regime (``_follows_law``);
the column existed (rsa_parcours computed it from the parcours): every
orientation receives the regime of its date, in one statement."""
import logging

_logger = logging.getLogger(__name__)

KEY = "rsa_orientation.new_regime_date"
DEFAULT = "2025-01-01"


def migrate(cr, version):
    cr.execute("""SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'rsa_orientation' AND column_name = 'regime'""")
    if not cr.fetchone():
        return
    cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", (KEY,))
    row = cr.fetchone()
    start = row[0] if row and row[0] else DEFAULT
    cr.execute("""
        UPDATE rsa_orientation
           SET regime = CASE WHEN COALESCE(date_decision, CURRENT_DATE) >= %s::date
                             THEN 'law' ELSE 'guide' END""", (start,))
    _logger.info("Regime of %d orientations from their decision date (law from %s)",
                 cr.rowcount, start)
