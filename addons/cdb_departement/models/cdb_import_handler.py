from odoo import _, fields, models

# Context of the records the imports create: no "created" message, no
# follower, no tracking (the job's summary message tells what happened).
QUIET_CONTEXT = {"mail_create_nolog": True, "mail_create_nosubscribe": True,
                 "tracking_disable": True, "mail_notrack": True}


class CdbImportHandler(models.AbstractModel):
    """What an import type does with the lines of a file, once each cell
    has been converted by its column (cdb.import.column): the checks that
    involve several cells or the existing records (``_check_row``), and the
    writing of valid lines (``_write_rows``). One model per import type
    inherits it: cdb.import.handler.<import_type>."""

    _name = "cdb.import.handler"
    _description = "Import handler"

    def _prepare(self):
        """State shared by the lines of one file: existing records to match,
        keys already seen in the file."""
        return {"seen": {}, "today": fields.Date.context_today(self),
                "france_id": self.env.ref("base.fr").id}

    def _check_row(self, state, line, values):
        """[(column key, value, reason)] of a line whose cells are valid;
        may add the matched existing record to ``values``."""
        return []

    def _write_rows(self, state, rows):
        """Write the valid lines [(line, values)]; answers the counts
        (``_counts``)."""
        raise NotImplementedError

    @staticmethod
    def _counts():
        """The counts of written lines, all at 0."""
        return {"created": 0, "updated": 0, "unchanged": 0}

    # ----------------------------------------------------------- helpers
    def _quiet(self, model_name):
        return self.env[model_name].with_context(**QUIET_CONTEXT)

    @staticmethod
    def _assign_referent(notebook, user, structure=None):
        """Make ``user`` (res.users) the référent unique of ``notebook``, with
        ``structure`` (res.partner) as its structure when given: the importer
        is a delegate of the Président du Conseil départemental (policy
        "change_referent"; a manager limited to territories is one for the
        carnets of their territories only)."""
        notebook._cdb_check("change_referent")
        return notebook._set_referent(user, structure)

    def _seen_twice(self, state, kind, key, line):
        """The first line of the file with the same ``key`` (CAF number,
        reference, identity…), remembering this one."""
        seen = state["seen"].setdefault(kind, {})
        if key in seen:
            return seen[key]
        seen[key] = line
        return None

    def _changed_values(self, record, values):
        """The part of ``values`` that differs from what ``record`` stores."""
        changed = {}
        for name, value in values.items():
            field = record._fields[name]
            current = field.convert_to_write(record[name], record)
            if field.type == "float":
                if abs((current or 0.0) - (value or 0.0)) > 1e-6:
                    changed[name] = value
            elif (current or False) != (value or False):
                changed[name] = value
        return changed

    def _orientation_errors(self, values):
        """As rsa.orientation's constraint: an orientation to another
        organism than France Travail names the organism."""
        if values.get("orientation_type") == "professional_other" \
                and not values.get("structure_id"):
            return [("structure_id", "", _(
                "A professional orientation to another organism than France Travail "
                "needs the structure."))]
        return []
