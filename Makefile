# The two commands a newcomer needs (see README.md). Each one does all of its set-up itself.
#   make test             both jobs: pinned (HA 2026.2.3, Python 3.13) and latest (the newest
#                         HA, Python 3.14); one summary line, non-zero if a blocking check failed
#   make demo             the demo on the pinned Home Assistant
#   make demo HA=latest   the demo on the newest Home Assistant (Python 3.14)
.PHONY: test demo setup lint

HA ?= pinned

test: ## set everything up, then run every check and every test (both jobs)
	@bash scripts/all_jobs.sh

demo: ## a real Home Assistant with the Librus integration against the local simulator
ifeq ($(HA),latest)
	@bash scripts/latest/setup.sh
	@HA=latest bash scripts/demo.sh
else ifeq ($(HA),pinned)
	@bash scripts/setup.sh
	@HA=pinned bash scripts/demo.sh
else
	$(error HA must be pinned (default) or latest, not '$(HA)')
endif

setup: ## only the set-up (Python, venv, pinned packages)
	@bash scripts/setup.sh
