"""The client's error taxonomy.

Every failure a caller can meet is one of these, so Home Assistant code maps errors in one
place. Messages never contain credentials: they name the step or endpoint and the cause.
"""

from __future__ import annotations


class LibrusError(Exception):
    """Base class of every error raised by the Librus client."""


class LibrusAuthError(LibrusError):
    """Librus rejected the credentials at the login form (Step 2).

    ``reason`` tells the cases apart for the user: ``invalid_credentials``,
    ``captcha_required`` or ``account_expired``.
    """

    def __init__(self, message: str, *, reason: str = "invalid_credentials") -> None:
        super().__init__(message)
        self.reason = reason


class LibrusSessionNotOpenedError(LibrusError):
    """Librus accepted the password (Step 2) but did not open a Synergia session.

    The password is right: something on Librus's side (a page that wants the user in a
    browser, a changed flow, "Brak dostępu") stopped the session. Never a reason to ask
    for the password again.
    """


class LibrusConnectionError(LibrusError):
    """Librus could not be reached or answered with a server-side failure (5xx, 429)."""


class LibrusTimeoutError(LibrusConnectionError):
    """Librus did not answer within the request timeout or the total budget."""


class LibrusMaintenanceError(LibrusConnectionError):
    """Librus answered 503: a (usually short) maintenance window."""


class LibrusResponseError(LibrusError):
    """Librus answered, but with a body the client does not understand."""


class LibrusSessionExpiredError(LibrusError):
    """The gateway no longer accepts the session (401 or a login page instead of JSON)."""


class LibrusLoginPausedError(LibrusSessionExpiredError):
    """The session is gone and a password login is paused after a recent failed one.

    Librus demands a captcha from accounts that log in too often; after a failed or
    refused password login the client waits before it tries the password again.
    """


class LibrusModuleUnavailableError(LibrusError):
    """This account or school cannot read an endpoint (403, Disabled, NotActive, scopes)."""
