"""Logins over XML-RPC against the real server (cdb_security_policy): the
ban after repeated wrong passwords, and the second factor the département
may require of the professionals.

Each test creates its own users (unique logins) and removes what it changed.
"""
import uuid
import xmlrpc.client

import pytest

from e2e_helpers import Rpc

PASSWORD = "Carnet-de-bord-2026"
WRONG = "Not-the-password-1"
TOTP_REQUIRED = "cdb_security_policy.totp_required"


@pytest.fixture(scope="module")
def admin(connect):
    return connect("admin")


@pytest.fixture(scope="module")
def system(admin, odoo_server, db_name):
    """A settings administrator without the product's groups: the second
    factor, once required, never applies to it (it switches it off again)."""
    login = "e2e.system.%s" % uuid.uuid4().hex[:8]
    _create_user(admin, login, "base.group_system")
    return Rpc(odoo_server.url, db_name, login, PASSWORD)


def _create_user(admin, login, group):
    group_id = admin.call("ir.model.data", "xmlid_to_res_id", group)
    return admin.call("res.users", "create", {
        "name": login, "login": login, "password": PASSWORD,
        "groups_id": [(6, 0, [group_id])]}, context={"no_reset_password": True})


def _login(odoo_server, db_name, login, password):
    common = xmlrpc.client.ServerProxy(odoo_server.url + "/xmlrpc/2/common", allow_none=True)
    return common.authenticate(db_name, login, password, {})


def test_ten_wrong_passwords_refuse_the_right_one(odoo_server, db_name, admin):
    login = "e2e.guess.%s" % uuid.uuid4().hex[:8]
    uid = _create_user(admin, login, "base.group_user")
    try:
        assert _login(odoo_server, db_name, login, PASSWORD) == uid
        for _attempt in range(10):
            assert _login(odoo_server, db_name, login, WRONG) is False
        assert _login(odoo_server, db_name, login, PASSWORD) is False, \
            "ten wrong passwords in a row must ban the login for a while"
        results = admin.call("res.authentication.attempt", "search_read",
                             [("login", "=", login)], fields=["result", "remote"],
                             order="id")
        assert [r["result"] for r in results] == ["successful"] + ["failed"] * 10 + ["banned"]
        assert {r["remote"] for r in results} == {"127.0.0.1"}
        # another login from the same address still gets in
        assert Rpc(odoo_server.url, db_name, "referent.social").uid
    finally:
        attempts = admin.call("res.authentication.attempt", "search", [("login", "=", login)])
        admin.call("res.authentication.attempt", "unlink", attempts)


def test_attempts_are_not_readable_by_professionals(social):
    with pytest.raises(xmlrpc.client.Fault):
        social.call("res.authentication.attempt", "search_read", [], fields=["login", "remote"])


def test_required_second_factor_refuses_the_password_alone(odoo_server, db_name, admin,
                                                           system):
    professional = "e2e.health.%s" % uuid.uuid4().hex[:8]
    employee = "e2e.employee.%s" % uuid.uuid4().hex[:8]
    _create_user(admin, professional, "carnet_de_bord.group_cdb_professional")
    employee_uid = _create_user(admin, employee, "base.group_user")
    assert _login(odoo_server, db_name, professional, PASSWORD)
    system.call("ir.config_parameter", "set_param", TOTP_REQUIRED, "True")
    try:
        assert _login(odoo_server, db_name, professional, PASSWORD) is False
        assert _login(odoo_server, db_name, employee, PASSWORD) == employee_uid
    finally:
        system.call("ir.config_parameter", "set_param", TOTP_REQUIRED, "False")
    assert _login(odoo_server, db_name, professional, PASSWORD)
