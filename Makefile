# One command each: run the site, test, lint, translations, benchmarks. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi.py
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run setup database test lint translations bench cluster clean

## Set everything up and run the site on the embedded default (SQLite, Whoosh, demo data),
## with the job worker (imports, rollbacks, rebuilds) beside it, stopped with it.
run: setup database
	$(BIN)/flask jobs worker & worker=$$!; trap 'kill $$worker' EXIT; \
		$(BIN)/flask run --host $(HOST) --port $(PORT)

setup: $(VENV)/.installed static/dist/.built translations/.compiled

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

static/dist/.built: node_modules/.installed $(VENV)/.installed scripts/build_assets.py $(shell find static/src councils -type f)
	$(BIN)/python scripts/build_assets.py
	touch $@

translations/.compiled: $(VENV)/.installed $(shell find translations -name '*.po')
	$(BIN)/python scripts/compile_translations.py
	touch $@

## Bring the database up to date, load postcodes and demo data if missing, rebuild the index.
database: setup
	mkdir -p instance
	$(BIN)/flask db upgrade
	$(BIN)/flask postcodes load --if-empty
	$(BIN)/flask demo load --if-empty
	$(BIN)/flask search train
	$(BIN)/flask search rebuild

## Lint, check the layers (import-linter contracts) and types (mypy), and run every test
## (SQLite, PostgreSQL on 127.0.0.1:5432, headless Chromium). The learnt model (cached in
## instance/learnt/) is built meanwhile, so no test process waits for it; either failing
## fails the target.
test: setup
	$(BIN)/flask search train & train=$$!; \
		$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports && $(BIN)/mypy; \
		checked=$$?; wait $$train || { echo "flask search train failed" >&2; exit 1; }; \
		exit $$checked
	$(BIN)/pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Extract strings, update every catalogue, compile them.
translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k lazy_ngettext:1,2 -o translations/messages.pot .
	if ls translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel update -i translations/messages.pot -d translations --ignore-obsolete; fi
	$(BIN)/python scripts/compile_translations.py

## Print speed figures: postcodes, search engine, results and service pages, imports.
bench: setup
	$(BIN)/python bench/postcodes.py
	$(BIN)/python -m bench.search_engine 1000 10000
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/relevance.py
	$(BIN)/python bench/imports.py 10000
	$(BIN)/python bench/languages.py

## Rehearse two app nodes, a PostgreSQL primary and replica and haproxy on this machine, with
## failures, and print what was measured (needs postgresql-15 and haproxy; not part of test).
cluster: setup
	$(BIN)/python scripts/cluster/rehearse.py

clean:
	rm -rf $(VENV) node_modules static/dist instance translations/.compiled
