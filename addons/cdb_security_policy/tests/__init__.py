from . import test_password_policy
