"""Run once the scheduled actions that are due on a generated database, as
the nightly cron does in production, and set their next call.

    .local/venv/bin/python bench/settle_crons.py -d DB

A database filled by bench/generate.py has never run its daily scheduled
actions: the first run of "Carnet de bord: schedule due reviews" creates
the review activities of every carnet at once (minutes on a few thousand
carnets, one transaction that locks the carnets it writes to). A bench
started on such a database measures that first night instead of the
users; run this first. It prints the time of each action. The imports'
action (``cdb_departement.ir_cron_import_jobs``) is left alone.
"""
import argparse
import datetime
import os
import sys
import time

from dateutil.relativedelta import relativedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import odoo_env  # noqa: E402

INTERVALS = {"minutes": "minutes", "hours": "hours", "days": "days", "weeks": "weeks",
             "months": "months"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args()
    registry = odoo_env.load(args.database)
    from odoo import fields
    with odoo_env.environment(registry) as env:
        imports = env.ref("cdb_departement.ir_cron_import_jobs", raise_if_not_found=False)
        now = datetime.datetime.utcnow()
        crons = env["ir.cron"].search([("active", "=", True), ("numbercall", "!=", 0),
                                       ("nextcall", "<=", fields.Datetime.to_string(now))],
                                      order="priority, id")
        for cron in crons - (imports or env["ir.cron"]):
            start = time.time()
            cron.sudo(cron.user_id.id)._callback(cron.cron_name, cron.ir_actions_server_id.id,
                                                 cron.id)
            nextcall = fields.Datetime.from_string(cron.nextcall)
            step = relativedelta(**{INTERVALS[cron.interval_type]: cron.interval_number})
            while nextcall <= now:
                nextcall += step
            cron.write({"nextcall": fields.Datetime.to_string(nextcall)})
            env.cr.commit()
            odoo_env.progress("%-70s %7.1f s" % (cron.cron_name, time.time() - start))


if __name__ == "__main__":
    main()
