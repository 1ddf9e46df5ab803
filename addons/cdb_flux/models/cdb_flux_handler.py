from odoo import models


class CdbFluxStreamHandler(models.AbstractModel):
    """An import whose file is no table: the handler reads it itself (an XML
    flux, a JSON export), twice. First ``_stream_validate`` reads it whole
    and answers the valid entries as [(line, None)] (their values are not
    kept: 100,000 households do not fit in memory) and the report's errors;
    then the engine (``cdb.import.job._write_valid_lines``) asks to write
    them chunk by chunk (``_write_rows``), and the handler reads the file
    again, keeping only the entries of the current chunk (``_entries``)."""

    _name = "cdb.flux.stream.handler"
    _inherit = "cdb.import.handler"
    _description = "Import of a file read by its handler"
    _streamed = True

    def _stream_count(self, path):
        """How many entries the file holds (0 when it cannot be read)."""
        raise NotImplementedError

    def _stream_prepare(self, job, path):
        """The state shared by the entries of the file."""
        state = self._prepare()
        state["job"] = job
        return state

    def _stream_validate(self, job, state, path, commit):
        """([(line, None)] of the valid entries, [(line, column, value,
        reason)] of every error); raises FileFormatError when the file cannot
        be read at all."""
        raise NotImplementedError

    def _stream_iter(self, state, path):
        """Yield (line, values) of each entry of the file, in order."""
        raise NotImplementedError

    def _stream_start_writing(self, job, state, path):
        state["reader"] = self._stream_iter(state, path)
        state["chunk"] = {}

    @staticmethod
    def _stream_stop(state):
        reader = state.pop("reader", None)
        if reader is not None:
            reader.close()
        state.pop("chunk", None)

    def _entries(self, state, rows):
        """[(line, values)] of the valid entries ``rows`` [(line, None)]:
        those of the current chunk again (the engine writes a refused chunk
        again line by line), else read on from the file."""
        chunk = state["chunk"]
        if rows and rows[0][0] not in chunk:
            chunk.clear()
            wanted = {line for line, _values in rows}
            last = rows[-1][0]
            for line, values in state["reader"]:
                if line in wanted:
                    chunk[line] = values
                if line >= last:
                    break
        return [(line, chunk[line]) for line, _values in rows if line in chunk]
