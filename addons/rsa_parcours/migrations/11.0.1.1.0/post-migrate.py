"""The law's due dates follow the regime decided by the date (rsa_orientation
11.0.1.2.0): the stored deadlines of every orientation are recomputed once
with the regime of its date."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["rsa.orientation"]._recompute_after_settings(["rsa_orientation.new_regime_date"])
