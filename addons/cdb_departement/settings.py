"""The figures of the département's imports that a département may change
(Carnet de bord › Configuration › Paramètres, block "Imports"), each with its
default. They are no legal figures: the source says what they decide.
See readme/IMPORTS.rst."""
from odoo.addons.cdb_base.tools import Setting

IMPORT_SYNC_MAX_ROWS = Setting(
    "cdb_departement.import_sync_max_rows", 2000, int,
    "Choice of the département: a file of at most this many lines is imported at once "
    "(\"Run now\", in the user's transaction); a larger file in the background.",
    minimum=1, maximum=10000)
IMPORT_CHUNK_SIZE = Setting(
    "cdb_departement.import_chunk_size", 2000, int,
    "Choice of the département: lines written, and committed in the background, at a "
    "time (the progress bar moves after each chunk).",
    minimum=100, maximum=10000)
IMPORT_MAX_CELL_LENGTH = Setting(
    "cdb_departement.import_max_cell_length", 10000, int,
    "Choice of the département: the longest text accepted in a cell of a free-text "
    "column (situation, health, reason); the other columns have their own limit "
    "(Template columns).",
    minimum=100, maximum=32767)
# A technical switch, not shown on the settings screen: 0 creates new
# beneficiaries through the ORM instead of SQL COPY (same records, see the
# parity test of tests/test_import_parity.py).
IMPORT_FAST_PATH = Setting(
    "cdb_departement.import_fast_path", True, bool,
    "Technical: new beneficiaries are created with SQL COPY (1) or the ORM (0).")
