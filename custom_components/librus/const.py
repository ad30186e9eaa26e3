"""Constants of the Librus Synergia integration."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from .api import Timeouts

DOMAIN: Final = "librus"

CONF_USERNAME: Final = "username"
CONF_PASSWORD: Final = "password"

# Setup must finish well inside 30 s even when Librus hangs: each request may take
# 10 s, the whole five-step login 20 s. Tests shorten these.
LOGIN_TIMEOUTS: Timeouts = Timeouts(request=10.0, login_total=20.0)

# The "Validating…" screen stays at least this long. Home Assistant's frontend (2026.2)
# starts listening for the end of a progress step only after the step was shown; an answer
# faster than that would leave the dialog spinning forever. Tests set it to 0.
PROGRESS_MIN_SECONDS: float = 1.0

# Options (the options flow) and the poll schedule (see coordinator.py for the request plan).
CONF_SCAN_INTERVAL: Final = "scan_interval"
CONF_QUIET_HOURS: Final = "quiet_hours"
DEFAULT_SCAN_INTERVAL: Final = 30  # minutes, by day
DEFAULT_QUIET_HOURS: Final = True
MIN_SCAN_INTERVAL: Final = 5
MAX_SCAN_INTERVAL: Final = 240
QUIET_START: Final = 22  # local hour
QUIET_END: Final = 6
QUIET_INTERVAL: Final = timedelta(hours=3)
# How long the last good data stays on show while Librus is down: an entity goes unavailable
# only after GRACE_FAILED_POLLS failed polls in a row AND GRACE_PERIOD since the last good
# data. So no single failed poll flips anything, by day (30 min) or at night (3 h), and a
# short scan interval does not shorten the grace.
GRACE_FAILED_POLLS: Final = 3
GRACE_PERIOD: Final = timedelta(hours=2)
MAX_CONCURRENT_REQUESTS: Final = 4
STORAGE_VERSION: Final = 1
