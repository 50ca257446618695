# Two commands (README): `make run` (the demo on synthetic data) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
DEMO_DB := salesmap_latest.db

.PHONY: run test bench system-packages venv clean

venv: $(STAMP)

# Re-install only when a requirements file is newer than the stamp. Playwright never downloads a browser here:
# the browser tests use Debian's /usr/bin/chromium.
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $(STAMP)

# Debian packages the tests need, installed only when absent (31_env_recipes.md §13).
system-packages:
	@need=""; \
	[ -x /usr/bin/chromium ] || need="$$need chromium"; \
	{ command -v fc-list >/dev/null && fc-list :lang=ko | grep -q .; } || need="$$need fonts-nanum"; \
	if [ -n "$$need" ]; then \
	  if [ "$$(id -u)" != "0" ]; then echo "make test needs these Debian packages:$$need (install them as root)"; exit 2; fi; \
	  echo "installing:$$need"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need >/dev/null; \
	fi

test: $(STAMP) system-packages
	CHROMIUM_PATH=/usr/bin/chromium $(PY) -m pytest

# The demo: synthetic snapshot (seed 42, scale 0.1, today = the KST date unless TODAY is set), the roster
# and the existing-customer list when missing, then gunicorn on http://127.0.0.1:$(PORT) without login.
run: $(STAMP)
	@set -euo pipefail; \
	today="$${TODAY:-$$(TZ=Asia/Seoul date +%F)}"; \
	mkdir -p config logs; \
	if [ ! -f $(DEMO_DB) ]; then \
	  flags=""; [ -f config/roster.toml ] && flags="$$flags --no-roster"; \
	  [ -f config/existing_orgs.txt ] && flags="$$flags --no-existing-orgs"; \
	  $(PY) -m snapshot.synth --out $(DEMO_DB) --seed 42 --scale 0.1 --today "$$today" $$flags; \
	fi; \
	[ -f config/roster.toml ] || cp config/roster.example.toml config/roster.toml; \
	[ -f config/existing_orgs.txt ] || $(PY) -c "import sys, datetime; \
	  from snapshot.synth import api_dataset, write_existing_orgs; \
	  write_existing_orgs(api_dataset(42, 0.1, datetime.date.fromisoformat(sys.argv[1])), 'config/existing_orgs.txt')" "$$today"; \
	export AUTH_MODE=none TODAY="$$today" DB_PATH="$${DB_PATH:-$(DEMO_DB)}" PORT=$(PORT); \
	$(PY) -m webapp.config; \
	echo "Salesmap Dashboard: http://127.0.0.1:$(PORT)  (AUTH_MODE=none, TODAY=$$today, Ctrl-C stops)"; \
	exec $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py wsgi:app

# Benchmarks (not tests): scale-1.0 snapshot under bench/data/, gunicorn with 2 workers, wrk; then the crawler
# against the fake API in separate processes (bench/crawler.py); then the KPI report build and its page in
# Debian's Chromium (bench/kpi.py).
bench: $(STAMP)
	@command -v wrk >/dev/null || { [ "$$(id -u)" = "0" ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || { echo "make bench needs wrk"; exit 2; }
	$(PY) -m bench.run
	$(PY) -m bench.crawler
	CHROMIUM_PATH=$${CHROMIUM_PATH:-/usr/bin/chromium} $(PY) -m bench.kpi

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
