"""Constants of the Librus Synergia integration."""

from __future__ import annotations

from typing import Final

from .api import Timeouts

DOMAIN: Final = "librus"

CONF_USERNAME: Final = "username"
CONF_PASSWORD: Final = "password"

# Setup must finish well inside 30 s even when Librus hangs: each request may take
# 10 s, the whole five-step login 20 s. Tests shorten these.
LOGIN_TIMEOUTS: Timeouts = Timeouts(request=10.0, login_total=20.0)
