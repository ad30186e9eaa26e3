"""Names shared by the simulator and its users: step (hop) names, paths and fixed values.

The step names are the vocabulary of fault injection and of the request log. The client's
login step table uses the same strings, so a test can say "fault the step the client calls
oauth_grant" without knowing any URL.
"""

from __future__ import annotations

from typing import Final

# The five steps of the reference login sequence (Postman folder "Auth"), in order.
OAUTH_INIT: Final = "oauth_init"
OAUTH_LOGIN: Final = "oauth_login"
OAUTH_GRANT: Final = "oauth_grant"
TOKEN_INFO: Final = "token_info"
USER_INFO: Final = "user_info"
REFERENCE_STEPS: Final = (OAUTH_INIT, OAUTH_LOGIN, OAUTH_GRANT, TOKEN_INFO, USER_INFO)

# The hops of the login as served since 2026-03-28 (reference/login-2026.md).
PORTAL_ENTRY: Final = "portal_entry"
OAUTH_2FA: Final = "oauth_2fa"
PERFORM_LOGIN: Final = "perform_login"
GRANT_REDIRECT: Final = "grant_redirect"
# Every hop of a password login up to the Synergia session, in wire order.
LOGIN_HOPS: Final = (
    PORTAL_ENTRY,
    OAUTH_INIT,
    OAUTH_LOGIN,
    OAUTH_2FA,
    PERFORM_LOGIN,
    OAUTH_GRANT,
    GRANT_REDIRECT,
)

# Other named routes: the page the callback lands on, the token refresh of a live Synergia
# session, and the first gateway data resource.
LANDING: Final = "landing"
REFRESH_TOKEN: Final = "refresh_token"
ME: Final = "me"

# The messages host (Wiadomości): the bootstrap from Synergia and the messages API.
MESSAGES_BOOTSTRAP: Final = "messages_bootstrap"
MESSAGES_LOGON: Final = "messages_logon"
MESSAGES_LANDING: Final = "messages_landing"
MESSAGES_UNREAD: Final = "messages_unread"
MESSAGES_LIST: Final = "messages_list"
MESSAGES_DETAIL: Final = "messages_detail"  # the one that marks a message read
MESSAGES_STEPS: Final = (
    MESSAGES_BOOTSTRAP,
    MESSAGES_LOGON,
    MESSAGES_LANDING,
    MESSAGES_UNREAD,
    MESSAGES_LIST,
    MESSAGES_DETAIL,
)

# Fault target that matches every step (a step-specific fault wins over it).
ANY_STEP: Final = "*"

CLIENT_ID: Final = "46"

# Paths, all served on one port.
OAUTH_AUTHORIZATION_PATH: Final = "/OAuth/Authorization"
OAUTH_2FA_PATH: Final = "/OAuth/Authorization/2FA"
PERFORM_LOGIN_PATH: Final = "/OAuth/Authorization/PerformLogin"
OAUTH_GRANT_PATH: Final = "/OAuth/Authorization/Grant"
OAUTH_COOKIE_PATH: Final = "/OAuth"
# The portal entry and the OAuth callback share this path; the query tells them apart.
PORTAL_PATH: Final = "/loguj/portalRodzina"
GRANT_REDIRECT_PATH: Final = PORTAL_PATH
REFRESH_TOKEN_PATH: Final = "/refreshToken"
PARENT_LANDING_PATH: Final = "/rodzic/index"
STUDENT_LANDING_PATH: Final = "/uczen/index"
GATEWAY_PREFIX: Final = "/gateway/api/2.0"
ADMIN_PREFIX: Final = "/__simulator"
MESSAGES_BOOTSTRAP_PATH: Final = "/wiadomosci3"  # on Synergia
# The messages host (real: https://wiadomosci.librus.pl) lives under this prefix of the one
# port; its cookies use it as their Path, so they never meet Synergia's.
MESSAGES_PREFIX: Final = "/wiadomosci-host"

# Cookie names.
AUTHSESSID: Final = "AUTHSESSID"
DEVICE_COOKIE: Final = "DeviceCookie"
DZIENNIKSID: Final = "DZIENNIKSID"
SDZIENNIKSID: Final = "SDZIENNIKSID"
OAUTH_TOKEN: Final = "oauth_token"
OAUTH_STATE: Final = "oauth_state"  # Synergia side, Path=/
SESSION_COOKIES: Final = (DZIENNIKSID, SDZIENNIKSID, OAUTH_TOKEN)
MESSAGES_COOKIE: Final = "wiadomosci_session"  # Path=MESSAGES_PREFIX

DEVICE_COOKIE_MAX_AGE: Final = 31_536_000  # one year, as Librus sets it
OAUTH_TOKEN_MAX_AGE: Final = 600

# Wrong passwords for one login after which Step 2 demands the captcha.
CAPTCHA_AFTER_WRONG_PASSWORDS: Final = 3

# Gateway responses keep pointing at the bearer API host, as the real gateway does.
API_BASE_URL: Final = "https://api.librus.pl/2.0"

# Librus group ids: Me.Account.GroupId and Auth/TokenInfo UserType.
GROUP_PARENT: Final = 5
GROUP_STUDENT: Final = 8

# Form fields whose values are never recorded.
SECRET_FIELDS: Final = frozenset({"pass", "password", "passwd"})
