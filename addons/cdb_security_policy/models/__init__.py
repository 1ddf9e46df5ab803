from . import res_authentication_attempt
from . import res_config_settings
from . import res_users
from . import res_users_authenticator_create
