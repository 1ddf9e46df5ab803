"""Small helpers shared by the carnet de bord modules.

Each business value that several modules need is written here once: how a
date is shown, how a person's name is compared, how a value is written in a
spreadsheet, how a legal figure is read from the settings.
"""
from datetime import date
import re
import threading
import unicodedata
from collections import namedtuple

from odoo import _, fields
from odoo.exceptions import ValidationError
from odoo.tools import split_every


def format_date(value):
    """A date as a French user reads it: 31/12/2026."""
    date = fields.Date.from_string(value) if value else None
    return date.strftime("%d/%m/%Y") if date else ""


def selection_label(record, field_name):
    """The label of a selection field's value, in the user's language."""
    field = record._fields[field_name]
    return dict(field._description_selection(record.env)).get(record[field_name], "")


# ------------------------------------------------------------------ names
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014'\u2019`.]+")


def normalize_name(value):
    """A name as the duplicate rules compare it: accents, case, hyphens,
    apostrophes and repeated spaces do not count ("Élodie" = "elodie",
    "Marie-Claire" = "marie  claire"). The ORM check and the imports use
    this one function."""
    text = unicodedata.normalize("NFKD", value or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("\u0153", "oe").replace("\u0152", "OE")
    text = text.replace("\u00e6", "ae").replace("\u00c6", "AE")
    return _SEPARATORS.sub(" ", text).strip().casefold()


def identity_key(lastname, firstname):
    """The key two beneficiaries share when their names are the same for
    the duplicate rule (with the birth date and the département)."""
    last, first = normalize_name(lastname), normalize_name(firstname)
    return "%s|%s" % (last, first) if last and first else False


# ------------------------------------------------------------ spreadsheets
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    """A text a spreadsheet shows as typed, never as a formula (a value
    starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
    prefixed with an apostrophe)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# --------------------------------------------------------------- settings
class Setting(namedtuple("Setting", "key default cast source minimum maximum choices")):
    """A figure of the law or of the guide kept as a system parameter, with
    its default and the text it comes from (shown on the settings screen).

    Define each figure once, in the module that uses it::

        REVIEW_INTERVAL = Setting(
            "carnet_de_bord.review_interval_months", 6, int,
            "Seed 000, « Suivi » : « a minima tous les 6 mois »", minimum=1)

    and read it with ``REVIEW_INTERVAL.get(env)``. ``cast`` is ``int``,
    ``float``, ``bool``, ``str``, ``date`` (``datetime.date``, stored and
    shown as "YYYY-MM-DD") or ``list`` (a list of words, stored
    comma-separated, each one of ``choices`` when given). A settings field
    shows it (``res.config.settings._cdb_settings``): an Integer, Float,
    Boolean, Date or Char field (a list is typed as "a, b, c").
    """

    def __new__(cls, key, default, cast, source, minimum=None, maximum=None, choices=None):
        return super().__new__(cls, key, default, cast, source, minimum, maximum,
                               tuple(choices) if choices else None)

    def get(self, env):
        """The configured value, or the default when it is unset or unreadable."""
        raw = env["ir.config_parameter"].sudo().get_param(self.key)
        if raw in (None, False, ""):
            return self.default
        try:
            value = self._cast(raw)
        except (TypeError, ValueError):
            return self.default
        if self.cast is list and self.choices:
            value = [item for item in value if item in self.choices]
        return value

    def _cast(self, raw):
        if self.cast is bool:
            return str(raw).strip().lower() in ("1", "true", "yes", "oui")
        if self.cast is list:
            return [part.strip() for part in str(raw).split(",") if part.strip()]
        if self.cast is date:
            return raw if isinstance(raw, date) else fields.Date.from_string(raw)
        return self.cast(raw)

    def serialize(self, value):
        """The text stored in the system parameter for ``value``."""
        if self.cast is list:
            return ",".join(value or [])
        if self.cast is bool:
            return "True" if value else "False"
        if value is None or value is False:
            return ""
        if self.cast is date:
            return fields.Date.to_string(self._cast(value))
        return str(value)

    def to_field(self, value):
        """``value`` as its settings field shows it (a list as "a, b", a date
        as Odoo 11's Date field holds it: a string)."""
        if self.cast is date:
            return fields.Date.to_string(value) if value else False
        return ", ".join(value or []) if self.cast is list else value

    def from_field(self, value):
        """The value typed in the settings field, as the setting holds it."""
        if self.cast is list:
            return self._cast(value or "")
        if self.cast is date:
            return self._cast(value) if value else None
        return value

    def default_text(self):
        """The default as the settings screen shows it."""
        if self.cast is list:
            return ", ".join(self.default)
        if self.cast is date:
            return self.default.strftime("%d/%m/%Y")
        return str(self.default)

    def check(self, value, label):
        """Raise a French ValidationError when ``value`` is out of bounds."""
        if value is None or value is False:
            return
        if self.cast is list:
            unknown = [item for item in value if self.choices and item not in self.choices]
            if unknown:
                raise ValidationError(_("%s: unknown value(s) %s; allowed: %s.") % (
                    label, ", ".join(unknown), ", ".join(self.choices)))
            return
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(_("%s: the value must be at least %s.") % (label, self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise ValidationError(_("%s: the value must be at most %s.") % (label, self.maximum))


# ------------------------------------------------------------------ access
def readable(records):
    """The records of ``records`` their environment's user may read (access
    rights and record rules; archived ones included), in one query. Odoo 11
    has no ``_filter_access_rules``."""
    if not records:
        return records
    if not records.check_access_rights("read", raise_exception=False):
        return records.browse()
    return records.with_context(active_test=False).search([("id", "in", records.ids)])


def dependent_modules(cr, module):
    """The names of ``module`` and of every module depending on it,
    directly or not (installed or not: the caller filters)."""
    cr.execute("""
        WITH RECURSIVE dependent(name) AS (
            SELECT %s::varchar
            UNION
            SELECT module.name
              FROM ir_module_module module
              JOIN ir_module_module_dependency dependency
                ON dependency.module_id = module.id
              JOIN dependent ON dependency.name = dependent.name
        )
        SELECT name FROM dependent""", (module,))
    return {row[0] for row in cr.fetchall()}


# Records a nightly job handles between two commits. Small: each write of
# the job empties the cache, and the next record read loads the whole batch
# again (50: the first night of 5,000 generated carnets in minutes).
CRON_BATCH = 50


def in_batches(records, size=None):
    """``records`` by batches of ``size`` (``CRON_BATCH``), each committed once the caller
    is done with it (``commit_batch``). Each batch is a record set of its
    own: a write in the loop empties the cache, and the records read again
    are the batch's, not all of ``records`` at each step (issue 15: the
    first night of 5,000 generated carnets, the end-of-action reviews over
    half an hour)."""
    for ids in split_every(size or CRON_BATCH, records.ids):
        yield records.browse(ids)
        commit_batch(records.env)


def commit_batch(env):
    """End a batch of a scheduled action: commit what it did, so that a
    large département's nightly job holds its locks for one batch only and
    a job stopped midway keeps its work (the jobs skip what is done). In
    tests nothing is committed (the test's transaction is rolled back)."""
    if not getattr(threading.current_thread(), "testing", False):
        env.cr.commit()  # pylint: disable=invalid-commit
