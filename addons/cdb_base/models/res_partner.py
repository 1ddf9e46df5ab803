"""A partner's name without loading every column (issue 15, "every role
fast").

Odoo 11 shows a many2one as the stored ``display_name`` of the record, read
as superuser; the first field read of a partner loads all its columns —
about 80 with the carnet de bord modules — for every partner of the page: a
list of 80 carnets spent 300 ms of CPU naming its beneficiaries. The
display name is read alone (``prefetch=False``): one narrow query for the
page.
"""
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    display_name = fields.Char(prefetch=False)
