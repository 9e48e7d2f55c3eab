# Two commands: `make run` serves the demo, `make test` runs every test.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DJANGO_SETTINGS_MODULE := masterplan.settings
# Postgres tier of `make test`: override to point elsewhere.
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
APT_RUN := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core
APT_TEST := chromium poppler-utils

.PHONY: run test venv deps-run deps-test system-run system-test migrate seed

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

venv: $(BIN)/python

deps-run: venv system-run
	$(BIN)/pip install -q -r requirements.txt

deps-test: venv system-run system-test
	$(BIN)/pip install -q -r requirements-dev.txt

# System packages, installed only where missing (apt-get; sudo when not root).
system-run:
	@bash scripts/apt-ensure.sh $(APT_RUN)

system-test:
	@bash scripts/apt-ensure.sh $(APT_TEST)

run: deps-run
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: deps-test
	@echo "== tests on SQLite =="
	SECRET_KEY=test-only DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 $(BIN)/pytest
	@if $(BIN)/python scripts/pg_ready.py "$(PG_URL)"; then \
		echo "== tests on PostgreSQL ($(PG_URL)) =="; \
		SECRET_KEY=test-only DATABASE_URL="$(PG_URL)" $(BIN)/pytest -m "not browser"; \
	else \
		echo "== SKIPPED: PostgreSQL tier: no server answers at $(PG_URL) =="; \
	fi
