# Two commands on a fresh machine:
#   make run    install, migrate the local SQLite database, load demo data, serve on :5000
#   make test   install what the tests need (Chromium too) and run the suite on SQLite and PostgreSQL
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app feedback_app
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/test
CHROMIUM := /usr/bin/chromium

.PHONY: run test test-sqlite test-postgres install translations extract-messages update-catalogs \
        chromium services bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Compiled catalogs are built, not kept in git.
translations: install
	@if ls translations/*/LC_MESSAGES/messages.po >/dev/null 2>&1; then \
		$(BIN)/pybabel -q compile -d translations && \
		echo "Compiled the translations into $$(ls -d translations/*/LC_MESSAGES | wc -l) languages besides English."; \
	fi

extract-messages: install
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -k _l -k pgettext:1c,2 -k lazy_pgettext:1c,2 -o translations/messages.pot --no-location --sort-output --project feedback_app .

update-catalogs: extract-messages
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

run: install translations
	$(FLASK) db upgrade heads
	$(FLASK) surveys load
	$(FLASK) demo load --if-empty
	@echo
	@$(FLASK) demo links
	@echo
	@echo "Serving on http://127.0.0.1:5000 - staff log in at http://127.0.0.1:5000/login with a login above."
	$(FLASK) run --host 127.0.0.1 --port 5000

chromium:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-noto-cjk >/dev/null; }

services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done

test: install translations chromium services
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== the suite on SQLite =="
	$(BIN)/pytest

test-postgres:
	@echo "== the suite on PostgreSQL =="
	TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest

bench: install services
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m benchmarks

# The pictures in docs/screenshots/ (shown in the README), taken in Chromium from a test database.
screenshots: install translations chromium
	$(BIN)/pytest -q -p no:cacheprovider tests/browser/screenshots.py

clean:
	rm -rf $(VENV) instance .pytest_cache
