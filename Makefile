# Polyphony. `make run` serves the demo site; `make test` runs the whole suite on PostgreSQL.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= cms.settings.dev
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/polyphony
LANGS := en ru uk de fr cs

.PHONY: help install lock lock-check run test test-fast lint audit format messages compilemessages screenshots bench clean

help:
	@echo "make run    - install, migrate, load demo content, serve on http://127.0.0.1:$(PORT)"
	@echo "make test   - install and run the whole test suite on PostgreSQL"
	@echo "make test-fast - the suite without browser, edge, scale and smoke tiers, databases kept"
	@echo "make lint   - ruff, formatting, the import contracts and migrations checks"
	@echo "make lock   - refresh requirements.lock (hashed pins) after changing pyproject.toml"
	@echo "make messages - extract translatable strings into locale/*/LC_MESSAGES/django.po"
	@echo "make screenshots - every public page type at phone and desktop width, in screenshots/"
	@echo "make bench  - load 10,000 stories, serve them like production, measure (bench/run.py)"

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Exactly the versions and files pinned in requirements.lock (every runtime and dev dependency,
# with its hashes), then the project itself without dependencies: two machines install the same
# code. pyproject.toml keeps the ranges we accept; `make lock` turns them into the pins.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

# Refresh requirements.lock after changing the dependencies in pyproject.toml. Pins already in the
# lock are kept (uv prefers them); only what is new or no longer fits the ranges moves. To move
# pins on purpose: make lock LOCK_ARGS=--upgrade (all) or LOCK_ARGS="--upgrade-package ruff".
LOCK_COMPILE = $(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes \
	--python $(BIN)/python --custom-compile-command "make lock" --quiet
lock: install
	$(LOCK_COMPILE) $(LOCK_ARGS) -o requirements.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $(VENV)/.installed

# Fails when pyproject.toml asks for something requirements.lock does not pin (CI runs it). The
# pins and hashes must match; the "# via" comments may differ.
lock-check: install
	@tmp=$$(mktemp); cp requirements.lock $$tmp; $(LOCK_COMPILE) -o $$tmp; \
	if ! diff <(grep -v '^ *#' requirements.lock) <(grep -v '^ *#' $$tmp) >$$tmp.diff; then \
	  head -40 $$tmp.diff; echo "requirements.lock does not match pyproject.toml: run make lock"; \
	  rm -f $$tmp $$tmp.diff; exit 1; fi; rm -f $$tmp $$tmp.diff

compilemessages: install
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0

messages: install
	$(BIN)/python manage.py makemessages $(foreach l,$(LANGS),-l $(l)) --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=bench --ignore=static_collected

run: install compilemessages
	$(BIN)/python manage.py migrate --noinput
	PORT=$(PORT) $(BIN)/python manage.py load_demo_content --if-empty
	@echo
	@echo "Polyphony is being served at http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "Story submissions reach the moderators' sealed inbox within a minute (ingest_submissions)."
	@$(BIN)/python manage.py ingest_submissions --loop --max-delay 60 & ingest=$$!; \
		trap 'kill $$ingest 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# axe-core for the accessibility checks in tests/browser (node_modules/ is git-ignored).
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Test tiers (tests/conftest.py marks them by directory). Two passes run at once, each on
# TEST_WORKERS processes: the suite without the tiers that start real services, and those tiers
# (browser, edge, scale), which mostly wait on Chromium, Lighthouse, nginx and gunicorn, so they
# fill the cores the first pass leaves idle. Every process has a database of its own, a copy
# of one migrated world (tests/dbtemplates.py), built from the migrations once per run
# (--create-db, one --testrunuid for both passes); the services pass's databases are named
# apart (TEST_DATABASE_SUFFIX). Its output follows the first pass's when both are done.
# PYTEST_ARGS narrows either target: make test-fast PYTEST_ARGS="tests/stories -x".
# --dist loadfile: a file's tests stay on one worker, so a module's expensive fixture (the smoke
# tier's SQLite site, a demo copy, the browser tests' live server) is made once, not per worker.
# The services pass keeps pytest-django's order of files (--no-loadscope-reorder; xdist would
# send the biggest first): tests that need the world run before the transactional ones flush it.
TEST_WORKERS ?= 2
TEST_ENV = DJANGO_SETTINGS_MODULE=cms.settings.test DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)}
SERVICE_TIERS := browser or edge or scale
TEST_PASS = $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --reuse-db --create-db --testrunuid $$run

# Both passes always run; a pass that PYTEST_ARGS leaves without tests (pytest's 5) is no failure.
test: install compilemessages node_modules/.package-lock.json
	@status=0; run=$$(date +%s%N); services_log=$$(mktemp); \
	$(TEST_ENV) TEST_DATABASE_SUFFIX=services $(TEST_PASS) --no-loadscope-reorder -m "$(SERVICE_TIERS)" $(PYTEST_ARGS) \
		>$$services_log 2>&1 & services=$$!; trap 'kill $$services 2>/dev/null' INT TERM; \
	$(TEST_ENV) $(TEST_PASS) -m "not ($(SERVICE_TIERS))" $(PYTEST_ARGS) \
		|| { code=$$?; [ $$code -eq 5 ] || status=$$code; }; \
	wait $$services || { code=$$?; [ $$code -eq 5 ] || status=$$code; }; \
	echo; echo "=== The services pass: $(SERVICE_TIERS) ==="; cat $$services_log; rm -f $$services_log; \
	exit $$status

# Daily work: no migrations unless they changed (copies of the last run's world template), no
# browser, edge cache, scale-out or make run smoke tests (they take minutes and start servers);
# run make test before pushing.
test-fast: install compilemessages
	$(TEST_ENV) $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --reuse-db -m "not ($(SERVICE_TIERS) or smoke)" \
		$(PYTEST_ARGS)

# Every public page type in en and ru at 375 and 1280 px, into screenshots/ (not committed).
screenshots: install compilemessages
	$(BIN)/python -m tests.browser.screenshots

# The benchmark: a fresh polyphony_bench database, gunicorn + the nginx edge cache, wrk, bursts
# (PostgreSQL is restarted once). Needs root for that restart; BENCH_ARGS=--no-restart otherwise.
# Figures: bench/results/bench-<time>.json (not committed).
bench: install compilemessages
	$(BIN)/python -m bench.run $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py makemigrations --check --dry-run

# bandit over our code; pip-audit over the installed packages. Exceptions: docs/security-exceptions.md.
# pip-audit needs per-version data this machine's package index does not serve: it then says how
# many packages it could not audit, and fails only on a known vulnerability.
audit: install
	$(BIN)/bandit -r cms stories campaigns volunteering letters -c pyproject.toml -q
	@out=$$(mktemp); $(BIN)/pip-audit --local --skip-editable --progress-spinner off >$$out 2>&1; status=$$?; \
	grep -v "could not be audited" $$out; \
	if grep -q "could not be audited" $$out; then \
	  echo "pip-audit: $$(grep -c 'could not be audited' $$out) packages have no per-version data on this index and were NOT audited."; fi; \
	if [ $$status -ne 0 ] && ! grep -q "known vulnerabilit" $$out && [ -z "$$CI" ]; then \
	  echo "pip-audit could not reach its vulnerability service: dependency audit skipped outside CI (bandit ran)."; status=0; fi; \
	rm -f $$out; exit $$status

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected .pytest_cache .ruff_cache
