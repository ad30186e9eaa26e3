"""Pure asyncio Librus Synergia client (no Home Assistant imports)."""

from .client import LibrusClient
from .connection import (
    Credentials,
    LibrusUrls,
    LoginGuard,
    LoginResult,
    OwnedSessions,
    SessionHandover,
    SessionProvider,
    Timeouts,
    new_cookie_jar,
)
from .errors import (
    LibrusAuthError,
    LibrusConnectionError,
    LibrusError,
    LibrusLoginPausedError,
    LibrusMaintenanceError,
    LibrusModuleUnavailableError,
    LibrusResponseError,
    LibrusSessionExpiredError,
    LibrusSessionNotOpenedError,
    LibrusTimeoutError,
)

__all__ = [
    "Credentials",
    "LibrusAuthError",
    "LibrusClient",
    "LibrusConnectionError",
    "LibrusError",
    "LibrusLoginPausedError",
    "LibrusMaintenanceError",
    "LibrusModuleUnavailableError",
    "LibrusResponseError",
    "LibrusSessionExpiredError",
    "LibrusSessionNotOpenedError",
    "LibrusTimeoutError",
    "LibrusUrls",
    "LoginGuard",
    "LoginResult",
    "OwnedSessions",
    "SessionHandover",
    "SessionProvider",
    "Timeouts",
    "new_cookie_jar",
]
