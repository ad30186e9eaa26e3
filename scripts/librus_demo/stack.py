"""A running simulator + Home Assistant, onboarded: what `demo` and `serve` start."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from librus_demo.common import HOST, DemoError, log
from librus_demo.config_dir import prepare_config
from librus_demo.onboarding import Login, onboard, wait_until_running
from librus_demo.processes import (
    Simulator,
    free_port,
    port_in_use,
    start_hass,
    start_simulator,
    stop_process,
    wait_for_hass,
)


@dataclass
class Stack:
    """A running simulator + Home Assistant."""

    config_dir: Path
    ha_url: str
    simulator: Simulator | None = None
    hass: subprocess.Popen[bytes] | None = None
    login: Login | None = None
    hass_env: dict[str, str] = field(default_factory=dict)
    ha_port: int = 0

    def stop(self) -> None:
        stop_process(self.hass, "Home Assistant", timeout=30)
        self.hass = None
        if self.simulator is not None:
            stop_process(self.simulator.proc, "simulator", timeout=10)
            self.simulator = None

    def restart_hass(self, boot_timeout: float) -> None:
        stop_process(self.hass, "Home Assistant", timeout=30)
        prepare_config(self.config_dir, ha_port=self.ha_port)
        self.hass = start_hass(self.config_dir, self.ha_port, self.hass_env)
        wait_for_hass(self.ha_url, self.hass, self.config_dir / "hass.out", boot_timeout)


def start_stack(
    config_dir: Path,
    *,
    ha_port: int,
    sim_port: int = 0,
    fresh: bool = False,
    boot_timeout: float = 180.0,
    extra_env: dict[str, str] | None = None,
) -> Stack:
    """Simulator, then hass wired to it, then onboarding. The caller must `stop()` it."""
    if ha_port == 0:
        ha_port = free_port()
    elif port_in_use(ha_port):
        raise DemoError(
            f"port {ha_port} on {HOST} is already in use (is another `make demo` running?)"
        )
    prepare_config(config_dir, fresh=fresh, ha_port=ha_port)
    stack = Stack(config_dir=config_dir, ha_url=f"http://{HOST}:{ha_port}", ha_port=ha_port)
    try:
        log("starting the Librus simulator")
        stack.simulator = start_simulator(config_dir / "simulator.log", sim_port)
        stack.hass_env = {**stack.simulator.env, **(extra_env or {})}
        log(f"starting Home Assistant on {stack.ha_url} (log: {config_dir}/home-assistant.log)")
        started = time.monotonic()
        stack.hass = start_hass(config_dir, ha_port, stack.hass_env)
        wait_for_hass(stack.ha_url, stack.hass, config_dir / "hass.out", boot_timeout)
        stack.login = onboard(stack.ha_url, config_dir)
        wait_until_running(stack.ha_url, stack.login.access_token, boot_timeout)
        log(f"Home Assistant is running ({time.monotonic() - started:.1f} s)")
    except BaseException:
        stack.stop()
        raise
    return stack


def frontend_info() -> dict[str, str]:
    """Versions of core and frontend, and where the frontend's files (translations) are."""
    from importlib.metadata import version

    import hass_frontend

    return {
        "ha_version": version("homeassistant"),
        "frontend_version": version("home-assistant-frontend"),
        "frontend_dir": str(hass_frontend.where()),
    }
