from datetime import datetime, timedelta

from odoo import api, fields, models

from ..settings import BAN_DELAY_MINUTES


class ResAuthenticationAttempt(models.Model):
    """The authentication attempts of OCA ``auth_brute_force``, with a ban
    that ends: failures count only within the ban delay
    (``BAN_DELAY_MINUTES``), so that after ``max_by_ip_user`` failures a
    login is refused from that address — even with the right password —
    until the delay has passed without another attempt (a temporisation, not
    a lock-out that only an administrator lifts).

    The attempts (logins and addresses of every user) are read by the
    administrators only (``security/ir.model.access.csv``), and no address
    is sent to an outside geolocation service."""

    _inherit = "res.authentication.attempt"

    @api.model
    def _hits_limit(self, limit, remote, login=None):
        """Whether ``remote`` (and ``login``) failed at least ``limit`` times
        since its last success, within the ban delay. Ordered by id: the
        attempts of one transaction share their create_date."""
        # sudo: the login being checked runs as the user who tries to log in,
        # who may not read the attempts (administrators only)
        attempts = self.sudo()
        since = datetime.utcnow() - timedelta(minutes=BAN_DELAY_MINUTES.get(self.env))
        domain = [("remote", "=", remote),
                  ("create_date", ">=", fields.Datetime.to_string(since))]
        if login is not None:
            domain.append(("login", "=", login))
        last_ok = attempts.search(domain + [("result", "=", "successful")],
                                  order="id desc", limit=1)
        if last_ok:
            domain.append(("id", ">", last_ok.id))
        failures = attempts.search_count(domain + [("result", "!=", "successful")])
        return failures >= limit

    @api.multi
    @api.depends("remote")
    def _compute_metadata(self):
        """OCA's version asks a public web service where each address is:
        that would send the addresses of the département's users abroad."""
        for attempt in self:
            attempt.remote_metadata = False
