import os
import socket
import time

import odoo
from odoo import api, fields, models
from odoo.addons.queue_job.job import job


class QjProbeRun(models.Model):
    """One execution of a probe job: written in its own committed
    transaction when it starts (pid, node), and 'finished' in the job's
    transaction at the end (rolled back when the process is killed)."""
    _name = "qj.probe.run"
    key = fields.Char(index=True)
    pid = fields.Integer()
    node = fields.Char()
    finished = fields.Boolean()

    @api.model
    def enqueue(self, count, seconds):
        for index in range(count):
            self.with_delay(description="probe %d" % index).work("k%d" % index, seconds)
        return True

    @job
    @api.model
    def work(self, key, seconds):
        with odoo.registry(self.env.cr.dbname).cursor() as cr:
            node = "%s:%s" % (socket.gethostname(), odoo.tools.config["http_port"])
            cr.execute("INSERT INTO qj_probe_run (key, pid, node, finished) "
                       "VALUES (%s, %s, %s, false)", (key, os.getpid(), node))
        end = time.time() + seconds
        while time.time() < end:
            self.env.cr.execute("SELECT pg_sleep(0.2)")
        self.env.cr.execute("UPDATE qj_probe_run SET finished = true WHERE key = %s AND pid = %s",
                            (key, os.getpid()))
        return "done by %d" % os.getpid()
