"""Pure asyncio Librus Synergia client (no Home Assistant imports)."""

from .client import (
    Credentials,
    LibrusClient,
    LibrusUrls,
    LoginResult,
    OwnedSessions,
    SessionProvider,
    Timeouts,
    new_cookie_jar,
)
from .errors import (
    LibrusAuthError,
    LibrusConnectionError,
    LibrusError,
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
    LibrusTimeoutError,
)

__all__ = [
    "Credentials",
    "LibrusAuthError",
    "LibrusClient",
    "LibrusConnectionError",
    "LibrusError",
    "LibrusMaintenanceError",
    "LibrusModuleUnavailableError",
    "LibrusResponseError",
    "LibrusSessionExpiredError",
    "LibrusTimeoutError",
    "LibrusUrls",
    "LoginResult",
    "OwnedSessions",
    "SessionProvider",
    "Timeouts",
    "new_cookie_jar",
]
