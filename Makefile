# onrecord: `make demo` runs the main job on the example corpus, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ONRECORD := $(VENV)/bin/onrecord
DEMO_DB ?= out/demo.db
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: install install-test demo test test-slow test-all lint bench system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first, pinned: 2.13.0 is the CPU build (a newer one pulls gigabytes of CUDA)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[semantic]"
	touch $(STAMP)

# The tests also exercise the optional backends: PostgreSQL, Parquet exports, Spark.
$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,semantic,postgres,parquet,spark]"
	touch $(TEST_STAMP)

install: $(STAMP)
install-test: $(TEST_STAMP)

demo: install
	@mkdir -p out
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(ONRECORD) ingest examples/corpus --db $(DEMO_DB) || test $$? -eq 1
	COLUMNS=$${COLUMNS:-150} $(ONRECORD) quotes --db $(DEMO_DB) --limit 40
	$(ONRECORD) report --db $(DEMO_DB) --out out/report.html

test: install-test
	$(PY) -m pytest -q

# Slow tests: full corpora, a real PostgreSQL server, a real browser. CI runs them too.
test-slow: install-test system-deps
	$(PY) -m pytest -q -m slow

test-all: test test-slow

# System packages the slow tests use: Chromium (the page and the report), the
# PostgreSQL server (store contract), Java (Spark). Installed only when missing.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing (apt-get install them); their tests will be skipped"; fi; \
	fi

lint: install-test
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

bench: install
	$(PY) bench/quality.py
	$(PY) bench/throughput.py

clean:
	rm -rf out .pytest_cache
