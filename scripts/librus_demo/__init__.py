"""Run a real Home Assistant with the Librus integration against the local simulator.

Shared by `make demo` (scripts/demo.sh) and the end-to-end tests (e2e/src/stack.ts):

    python scripts/librus_demo demo                    # the demo: banner, then until Ctrl-C
    python scripts/librus_demo serve --fresh --config-dir DIR --ha-port 0 --no-entry
        # for test harnesses: prints one line `LIBRUS_DEMO_READY {json}` on stdout, then runs
        # until SIGINT/SIGTERM or until its stdin closes (the harness died)
    python scripts/librus_demo dashboard --ha-url URL --token TOKEN --add-entry
        # against a running Home Assistant: the Librus entry (if missing) and the "Librus"
        # dashboard with the cards; prints one JSON line {"entry_id", "dashboard_url"}

One job per module:

    common.py        paths, the log, DemoError, a small REST client
    processes.py     the simulator and hass as child processes: start, wait for, stop
    config_dir.py    the generated config dir (template, HTTP config, integration symlink)
    http_config.py   HTTP on 127.0.0.1:port: `.storage/http` (HA 2026.10+) or `http:` YAML
    onboarding.py    onboarding over REST, the owner's login, tokens
    librus_entry.py  the Librus entry through the config flow, the demo accounts
    dashboard.py     the "Librus" dashboard with the cards
    stack.py         simulator + hass + onboarding together (`start_stack`)
    cli.py           the `demo`, `serve` and `dashboard` commands

Everything listens on 127.0.0.1. Only the standard library and aiohttp (already in the venv,
for the websocket calls) are used. Child processes run in their own process groups, get
SIGTERM if this process dies (PR_SET_PDEATHSIG), and are stopped group-wide on SIGINT/SIGTERM,
so nothing is left behind.
"""
