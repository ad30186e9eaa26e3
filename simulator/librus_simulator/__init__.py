"""A local stand-in for Librus Synergia: OAuth login, Synergia callback and JSON gateway.

See simulator/README.md. The public surface is re-exported here.
"""

from __future__ import annotations

from .accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, Account, AccountType, make_user_identifier
from .constants import (
    ANY_STEP,
    GRANT_REDIRECT,
    LANDING,
    ME,
    OAUTH_GRANT,
    OAUTH_INIT,
    OAUTH_LOGIN,
    REFERENCE_STEPS,
    TOKEN_INFO,
    USER_INFO,
)
from .envelope import api_url, envelope, error_body
from .faults import FAULT_KINDS, MAINTENANCE_BODY, Fault, FaultKind
from .gateway import (
    SESSION_EXPIRED_BODY,
    GatewayHandler,
    GatewayReply,
    GatewayRequest,
    GatewayResource,
    GatewayRouter,
)
from .recording import RecordedRequest
from .server import LibrusSimulator

__all__ = [
    "ANY_STEP",
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "FAULT_KINDS",
    "GRANT_REDIRECT",
    "LANDING",
    "MAINTENANCE_BODY",
    "ME",
    "OAUTH_GRANT",
    "OAUTH_INIT",
    "OAUTH_LOGIN",
    "REFERENCE_STEPS",
    "SESSION_EXPIRED_BODY",
    "TOKEN_INFO",
    "USER_INFO",
    "Account",
    "AccountType",
    "Fault",
    "FaultKind",
    "GatewayHandler",
    "GatewayReply",
    "GatewayRequest",
    "GatewayResource",
    "GatewayRouter",
    "LibrusSimulator",
    "RecordedRequest",
    "api_url",
    "envelope",
    "error_body",
    "make_user_identifier",
]
