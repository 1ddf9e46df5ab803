import base64

from odoo import _, models

from ..settings import IMPORT_CHUNK_SIZE, IMPORT_MAX_CELL_LENGTH
from .cdb_import_reader import FileFormatError, normalize, read_table

HEADER_LINE = 1
# The longest header of an unknown column listed on the job.
IGNORED_TITLE_LENGTH = 100


class CdbImportValidation(models.AbstractModel):
    """The validation of an imported file, before anything is written: the
    file is read (readme/IMPORTS.rst, "Files"), its header mapped to the
    columns of the import (``cdb.import.column``), every cell converted and
    checked (required, length, format, reference that must exist), then
    every line checked by the import's handler (the same person twice,
    conflicting keys…). Each error is a report line (line, column, value,
    reason), in the user's language. A part of ``cdb.import.job``
    (``_inherit``)."""

    _name = "cdb.import.validation"
    _description = "Validation of imported files"

    def _read_rows(self):
        return read_table(base64.b64decode(self.file), self.filename)

    def _count_rows(self):
        """Lines of the file; 0 when it cannot be read (processing it then
        reports why)."""
        try:
            return len(self._read_rows()[1])
        except FileFormatError:
            return 0

    def _file_error_message(self, kind):
        """Why the file cannot be read at all (``FileFormatError``)."""
        return {
            "empty": _("The file is empty."),
            "encoding": _("The file is neither UTF-8 nor Windows-1252 text."),
            "excel": _("The file is not a readable XLSX workbook."),
            "csv": _("The file is not a readable CSV text."),
        }[kind]

    def _validate_lines(self, handler, state, header, rows, commit):
        """([(line, values)] of the valid lines, [(line, column, value,
        reason)] of every error)."""
        columns = self.env["cdb.import.column"].search([("import_type", "=", self.import_type)])
        positions, errors = self._map_header(header, columns)
        if errors:  # a required column is missing: no line can be imported
            return [], errors
        specs = self._cell_specs(positions, columns)
        names = {column.key: column.name for column in columns}
        messages = {"missing": _("Required value missing."),
                    "too_long": _("Too long: at most %d characters.")}
        valid = []
        chunk = IMPORT_CHUNK_SIZE.get(self.env)
        self._workflow_write({"rows_total": len(rows)})
        for index, (line, cells) in enumerate(rows, 1):
            values, line_errors = self._convert_cells(line, cells, specs, messages)
            if not line_errors:
                line_errors = [
                    (line, names.get(key, key), "" if value is None else str(value), reason)
                    for key, value, reason in handler._check_row(state, line, values)]
            if line_errors:
                errors.extend(line_errors)
            else:
                valid.append((line, values))
            if index % chunk == 0:
                self._workflow_write({"rows_done": index})
                self._commit(commit)
        self._workflow_write({"rows_done": len(rows)})
        return valid, errors

    def _cell_specs(self, positions, columns):
        """What each mapped column needs, as plain tuples (reading the
        columns' fields for each cell is too slow): (position, header, key,
        required, longest text, converter)."""
        lookups = columns._lookups(columns)
        free_text = IMPORT_MAX_CELL_LENGTH.get(self.env)
        return [(position, column.name, column.key, column.required,
                 column._max_length(free_text), column._converter(lookups))
                for position, column in positions]

    @staticmethod
    def _convert_cells(line, cells, specs, messages):
        """(values by column key, [(line, column, value, reason)])."""
        values, errors = {}, []
        for position, name, key, required, longest, convert in specs:
            text = cells[position] if position < len(cells) else ""
            if not text:
                if required:
                    errors.append((line, name, "", messages["missing"]))
                continue
            if len(text) > longest:
                errors.append((line, name, text, messages["too_long"] % longest))
                continue
            value, reason = convert(text)
            if reason:
                errors.append((line, name, text, reason))
            else:
                values[key] = value
        return values, errors

    def _map_header(self, header, columns):
        """[(position in the file, column)] and the errors of missing
        required columns; unknown columns are ignored (and listed)."""
        by_name = {}
        for column in columns:
            by_name[normalize(column.name)] = by_name[normalize(column.key)] = column
        positions, ignored, found = [], [], set()
        for position, title in enumerate(header):
            column = by_name.get(normalize(title))
            if column and column.id not in found:
                positions.append((position, column))
                found.add(column.id)
            elif title:
                ignored.append(title[:IGNORED_TITLE_LENGTH])
        missing = _("Required column missing from the file.")
        errors = []
        for column in columns:
            if column.required and column.id not in found:
                errors.append((HEADER_LINE, column.name, "", missing))
        self._workflow_write({"ignored_columns": ", ".join(ignored) or False})
        return positions, errors
