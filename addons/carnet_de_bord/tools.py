"""Small helpers shared by the carnet de bord modules."""
from odoo import fields


def format_date(value):
    """A date as a French user reads it: 31/12/2026."""
    date = fields.Date.from_string(value) if value else None
    return date.strftime("%d/%m/%Y") if date else ""


def selection_label(record, field_name):
    """The label of a selection field's value, in the user's language."""
    field = record._fields[field_name]
    return dict(field._description_selection(record.env)).get(record[field_name], "")
