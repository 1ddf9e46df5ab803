from odoo.tests.common import at_install, post_install

from ..settings import BAN_DELAY_MINUTES, MAX_FAILURES_BY_LOGIN
from .common import STRONG_PASSWORD, SecurityCase, SecurityHttpCase, create_user


@at_install(False)
@post_install(True)
class TestPasswordGuessing(SecurityHttpCase):
    """OCA auth_brute_force with a ban that ends (``BAN_DELAY_MINUTES``):
    real XML-RPC and web logins from 127.0.0.1 (post-install: the address of
    XML-RPC clients is known once the registry is ready)."""

    def setUp(self):
        super().setUp()
        with self.test_env() as env:
            create_user(env, "ut.guess")
            create_user(env, "ut.bystander")
            self.limit = MAX_FAILURES_BY_LOGIN.get(env)
        self.assertEqual(self.limit, 10)

    def _fail(self, times, login="ut.guess"):
        for _attempt in range(times):
            self.assertFalse(self.rpc_login(login, "Not-the-password-1"))

    def _attempts(self, login="ut.guess"):
        with self.test_env() as env:
            return env["res.authentication.attempt"].search(
                [("login", "=", login)], order="id").mapped("result")

    def test_ten_failures_refuse_even_the_right_password(self):
        self.assertTrue(self.rpc_login("ut.guess", STRONG_PASSWORD))
        self._fail(self.limit)
        self.assertFalse(self.rpc_login("ut.guess", STRONG_PASSWORD))
        self.assertEqual(self._attempts()[-1], "banned")
        # the ban is for that login from that address, not for everyone
        self.assertTrue(self.rpc_login("ut.bystander", STRONG_PASSWORD))

    def test_fewer_failures_then_success_start_again(self):
        self._fail(self.limit - 1)
        self.assertTrue(self.rpc_login("ut.guess", STRONG_PASSWORD))
        self._fail(self.limit - 1)
        self.assertTrue(self.rpc_login("ut.guess", STRONG_PASSWORD))

    def test_ban_ends_after_the_delay(self):
        self._fail(self.limit)
        self.assertFalse(self.rpc_login("ut.guess", STRONG_PASSWORD))
        with self.test_env() as env:
            env.cr.execute(
                "UPDATE res_authentication_attempt SET create_date = create_date - "
                "make_interval(mins => %s) WHERE login = %s",
                [BAN_DELAY_MINUTES.get(env) + 1, "ut.guess"])
        self.assertTrue(self.rpc_login("ut.guess", STRONG_PASSWORD))

    def test_web_login_banned_too(self):
        for _attempt in range(self.limit):
            self.web_login("ut.guess", "Not-the-password-1")
        self.web_login("ut.guess", STRONG_PASSWORD)
        self.assertFalse(self.web_uid())
        self.assertEqual(self._attempts()[-1], "banned")


class TestAttemptsPrivacy(SecurityCase):
    """The attempts (logins and addresses of everyone) are the
    administrators' only, and no address leaves for a geolocation service."""

    def test_only_administrators_read_attempts(self):
        Attempt = self.env["res.authentication.attempt"]
        attempt = Attempt.create({"login": "ut.someone", "remote": "192.0.2.1",
                                  "result": "failed"})
        for group in ("base.group_user", "carnet_de_bord.group_cdb_manager"):
            user = create_user(self.env, "ut.reader.%s" % group.split(".")[1], group)
            self.assertFalse(Attempt.sudo(user).check_access_rights("read", False), group)
        self.assertEqual(attempt.remote_metadata, False)
