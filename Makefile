# The two commands a newcomer needs (see README.md). Each one does all of its set-up itself.
.PHONY: test demo setup lint

test: ## set everything up, then run every check and every test
	@bash scripts/setup.sh
	@bash scripts/test.sh

demo: ## a real Home Assistant with the Librus integration against the local simulator
	@bash scripts/setup.sh
	@bash scripts/demo.sh

setup: ## only the set-up (Python, venv, pinned packages)
	@bash scripts/setup.sh
