# Two commands: `make run` serves the demo, `make test` runs every test (see README.md).
# Needs only Python 3.11, make and apt; everything else is installed here, where missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export DJANGO_SETTINGS_MODULE := masterplan.settings

# Debian packages. Run: Pango/HarfBuzz for WeasyPrint, fonts as fallback (the books ship their
# own in static/print/fonts). Test: Chromium for the browser tests, poppler-utils (pdftotext,
# pdffonts) to read the rendered books back.
APT_RUN := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core
APT_TEST := chromium poppler-utils

# PostgreSQL tier of `make test` (pytest-django creates and drops test_<name>). Override to
# point elsewhere: make test PG_URL=postgres://user:pass@host:5432/name
PG_URL ?= postgres://postgres@127.0.0.1:5432/masterplan
REDIS_URL ?= redis://127.0.0.1:6379/7
REDIS_URL_PG ?= redis://127.0.0.1:6379/8
# Extra pytest arguments, e.g. make test PYTEST_ARGS="-x -k books". The slowest tests are listed
# at the end of each tier, so a test that grows slow is seen.
PYTEST_ARGS ?= --durations=10
# Test settings: never the developer's .env broker or DEBUG; a key that is obviously not secret.
TEST_ENV := SECRET_KEY=test-only-not-secret DEBUG=0 CELERY_BROKER_URL= REDIS_URL=$(REDIS_URL)
RUN_ENV := DEBUG=1
# `make run` serves pages with DEBUG off (the app's own error pages); `make run DEBUG=1` shows
# Django's debug pages. Migrations and the demo (seed_demo refuses DEBUG off) always use RUN_ENV.
DEBUG ?= 0

.PHONY: help run test lint format test-sqlite test-postgres worker bench-books bench-load venv deps-run deps-test \
	system-run system-test migrate seed clean

help:
	@echo "make run          install, migrate, seed the demo, serve http://127.0.0.1:8000 with a Celery worker"
	@echo "make test         install test tools, run every test on SQLite, then on PostgreSQL if one answers"
	@echo "make lint         ruff (lint and format) and import-linter (the layers); make format rewrites"
	@echo "make test-sqlite  only the SQLite tier;  make test-postgres: only the PostgreSQL tier"
	@echo "make worker       only the Celery worker (filesystem broker), for a second terminal"
	@echo "make bench-books  render the demo books and print pages, seconds, memory (see docs/benchmarks.md)"
	@echo "make bench-load   514 regions on PostgreSQL, gunicorn, one client per page, then 50 people (locust)"

# --- installation -----------------------------------------------------------------------------

$(BIN)/python:
	@test -n "$(PY)" || { echo "Python 3.11 not found (set PY=/path/to/python3.11)"; exit 1; }
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.11 needed, found " + sys.version)'
	@$(PY) -c 'import ensurepip' 2>/dev/null || bash scripts/apt-ensure.sh python3-venv
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

venv: $(BIN)/python

# Stamps: pip runs again only when a requirements file changed.
$(VENV)/.deps-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	@touch $@

$(VENV)/.deps-test: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $@ $(VENV)/.deps-run

deps-run: system-run $(VENV)/.deps-run
deps-test: system-run system-test $(VENV)/.deps-test

# System packages, installed only where missing (apt-get; sudo when not root).
system-run:
	@bash scripts/apt-ensure.sh $(APT_RUN)

system-test:
	@bash scripts/apt-ensure.sh $(APT_TEST)

# --- running ----------------------------------------------------------------------------------

migrate: deps-run
	@mkdir -p var
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput

seed: migrate
	$(RUN_ENV) $(BIN)/python manage.py seed_demo

# Serves SQLite (db.sqlite3) with DEBUG off (see scripts/run-dev.sh), plus a real Celery worker on
# kombu's filesystem transport (messages as files under var/celery/), so book renders run in the
# background without Redis. Ctrl-C stops both.
run: seed
	@DEBUG=$(DEBUG) BIN=$(BIN) bash scripts/run-dev.sh

worker: deps-run
	$(RUN_ENV) CELERY_BROKER_URL=$${CELERY_BROKER_URL:-filesystem://} BIN=$(BIN) bash scripts/celery-worker.sh

# --- tests ------------------------------------------------------------------------------------

# Both tiers run even when one fails, so CI shows everything; the exit status is the worst. They
# run side by side (two CPUs, two tiers, each single-process): the PostgreSQL tier in the
# background on its own Redis database, its output shown when it ends (also in var/log/).
test: deps-test
	@status=0; mkdir -p var/log; \
	$(MAKE) --no-print-directory lint || status=1; \
	$(MAKE) --no-print-directory test-postgres REDIS_URL=$(REDIS_URL_PG) > var/log/test-postgres.log 2>&1 & pg=$$!; \
	echo "== the PostgreSQL tier runs beside the SQLite tier (var/log/test-postgres.log) =="; \
	$(MAKE) --no-print-directory test-sqlite || status=1; \
	wait $$pg || status=1; \
	cat var/log/test-postgres.log; \
	if [ $$status -ne 0 ]; then echo "== make test: FAILED (see above) =="; fi; \
	exit $$status

# Lint, format and layers: ruff on the whole tree (pyproject.toml), import-linter's contracts
# (the layers in README.md, "How the parts fit"). `make format` rewrites what ruff can.
lint: deps-test
	@echo "== lint: ruff, import-linter =="
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: deps-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# SQLite: an in-memory test database; every test, browser tests included. The tests that need a
# real Redis and Celery worker skip themselves (with a printed reason) where none answers.
test-sqlite: deps-test
	@echo "== tests on SQLite =="
	@$(BIN)/python scripts/service_ready.py "$(REDIS_URL)" \
		&& echo "   Redis answers at $(REDIS_URL): the Redis/Celery worker tests run" \
		|| echo "== SKIPPED: Redis/Celery worker tests: no Redis answers at $(REDIS_URL) =="
	$(TEST_ENV) DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 $(BIN)/pytest $(PYTEST_ARGS)

# PostgreSQL: when a server answers, every test again except the browser ones, the layout of
# every demo book (they prove pages and print, which do not depend on the database) and make run's
# SQLite file; otherwise a line says the tier was skipped.
test-postgres: deps-test
	@if $(BIN)/python scripts/service_ready.py "$(PG_URL)"; then \
		echo "== tests on PostgreSQL ($(PG_URL)) =="; \
		$(TEST_ENV) DATABASE_URL="$(PG_URL)" $(BIN)/pytest -m "not browser and not print_layout and not sqlite" $(PYTEST_ARGS); \
	else \
		echo "== SKIPPED: PostgreSQL tier: no server answers at $(PG_URL) =="; \
	fi

# --- benchmark (not a test) -------------------------------------------------------------------

bench-books: deps-test
	$(RUN_ENV) $(BIN)/python scripts/bench_books.py

# National scale: PostgreSQL (its own database, created and seeded once with seed_demo --scale 510,
# then reused), gunicorn as docker-compose runs it, Redis as the cache where one answers. Override:
# make bench-load BENCH_DB_URL=postgres://... BENCH_ARGS="--users 50 --run-time 120 --markdown"
BENCH_DB_URL ?= postgres://postgres@127.0.0.1:5432/masterplan_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/9
BENCH_ARGS ?=
bench-load: deps-test
	@$(BIN)/python scripts/service_ready.py "$(BENCH_REDIS_URL)" && redis="$(BENCH_REDIS_URL)" || \
		{ echo "== no Redis at $(BENCH_REDIS_URL): the cache is each gunicorn worker's memory =="; redis=""; }; \
	BENCH_DATABASE_URL="$(BENCH_DB_URL)" BENCH_REDIS_URL="$$redis" $(BIN)/python scripts/bench_load.py $(BENCH_ARGS)

clean:
	rm -rf var/celery var/log var/test.sqlite3 staticfiles
