from . import test_password_policy
from . import test_password_guessing
from . import test_settings
from . import test_totp
