"""One parameter per legal figure: the 12 months of solidarity accompaniment
were held by two system parameters. rsa_orientation's key
(rsa_orientation.solidarity_max_months, set by its data file) remains; a
value a département gave to cer_contracts.solidarity_max_months is carried
over when rsa_orientation's is still the default, then the old parameter
and its data record are deleted."""
import logging

_logger = logging.getLogger(__name__)

OLD_KEY = "cer_contracts.solidarity_max_months"
NEW_KEY = "rsa_orientation.solidarity_max_months"
DEFAULT = "12"


def migrate(cr, version):
    cr.execute("SELECT key, value FROM ir_config_parameter WHERE key IN %s",
               ((OLD_KEY, NEW_KEY),))
    values = dict(cr.fetchall())
    old, new = values.get(OLD_KEY), values.get(NEW_KEY)
    if old and old.strip() != DEFAULT and (not new or new.strip() == DEFAULT):
        if new is None:
            cr.execute("INSERT INTO ir_config_parameter (key, value) VALUES (%s, %s)",
                       (NEW_KEY, old))
        else:
            cr.execute("UPDATE ir_config_parameter SET value = %s WHERE key = %s",
                       (old, NEW_KEY))
        _logger.info("%s carried over to %s: %s", OLD_KEY, NEW_KEY, old)
    elif old and new and old.strip() != new.strip():
        _logger.warning("%s (%s) differs from %s (%s): %s is kept", OLD_KEY, old,
                        NEW_KEY, new, NEW_KEY)
    cr.execute("DELETE FROM ir_config_parameter WHERE key = %s", (OLD_KEY,))
    cr.execute("DELETE FROM ir_model_data WHERE module = 'cer_contracts' "
               "AND name = 'config_solidarity_max_months'")
