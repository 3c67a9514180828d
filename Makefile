# The workbook's commands. Each creates .venv and installs what it needs if absent.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
CORPUS ?= seeds
# Without ACTORS the seeds use seeds/actors.csv and another corpus an actor table made
# from its own articles (written beside the pages, data/actors_from_corpus.csv).
ACTORS ?=
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

DATA ?= ../shared/dev-data

.PHONY: help install browser test test-units test-units-a test-units-b test-notebooks test-all test-slow test-fast notebooks \
	briefing lab lint bench bench-scale lock clean evaluate evaluate-check lesson

help:
	@echo "make test       unit tests, doctests and every notebook under strict nbval (not the slow"
	@echo "                end-to-end checks: make test-all runs those too)"
	@echo "make test-all   everything make test runs, plus the slow checks (briefing, browser, Dask)"
	@echo "make briefing   render the HTML briefing into build/briefing/ (CORPUS=..., ACTORS=...)"
	@echo "make lesson     print-ready lesson handouts into build/lessons/ (CORPUS=..., ACTORS=...)"
	@echo "make notebooks  re-execute the notebooks in place (after changing analysis/ or seeds/)"
	@echo "make lab        open JupyterLab on notebooks/ with the project's kernel"
	@echo "make bench      time the pipeline on generated corpora"
	@echo "make bench-scale the Dask path on a local cluster of 2 workers (ARTICLES=100000)"
	@echo "make evaluate   accuracy on public labelled text (DATA=../shared/dev-data): writes"
	@echo "                analysis/evaluation/results.* and README's table; evaluate-check compares"
	@echo "make lint       ruff"
	@echo "make browser    install Debian's chromium for the browser test (needs root)"

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	touch $(STAMP)

# The unit tests (in two halves) and the notebooks run side by side, one process each, so
# both cores stay busy until the end; each part's output is printed whole when it ends.
# Tests marked `slow` are left to test-all.
UNITS_A := analysis $(wildcard tests/test_[a-e]*.py)
UNITS_B := $(wildcard tests/test_[f-z]*.py)

test: $(STAMP)
	@$(MAKE) --no-print-directory -j3 --output-sync=target test-units-a test-units-b \
		test-notebooks

test-units: $(STAMP)
	$(PY) -m pytest tests analysis -m "not slow" -q

test-units-a: $(STAMP)
	$(PY) -m pytest $(UNITS_A) -m "not slow" -q

test-units-b: $(STAMP)
	$(PY) -m pytest $(UNITS_B) -m "not slow" -q

test-notebooks: $(STAMP)
	$(PY) -m pytest notebooks $(NBVAL) -q

# What make test runs plus the slow end-to-end checks (CI runs test, then test-slow).
test-all: test test-slow

test-slow: $(STAMP)
	$(PY) -m pytest tests analysis -m slow

test-fast: $(STAMP)
	$(PY) -m pytest tests analysis -m "not slow"

notebooks: $(STAMP)
	@for nb in $(NOTEBOOKS); do \
		echo "executing $$nb"; \
		$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.timeout=600 "$$nb" || exit 1; \
	done

briefing: $(STAMP)
	$(PY) -m analysis.briefing --corpus "$(CORPUS)" $(if $(ACTORS),--actors "$(ACTORS)") \
		--out build/briefing

lesson: $(STAMP)
	$(PY) -m analysis.lessons --corpus "$(CORPUS)" $(if $(ACTORS),--actors "$(ACTORS)") \
		--out build/lessons

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium could not be installed: the browser test will be skipped"

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

lint: $(STAMP)
	$(VENV)/bin/ruff check analysis tests notebooks

evaluate: $(STAMP)
	$(PY) -m analysis.evaluation --data "$(DATA)"

evaluate-check: $(STAMP)
	$(PY) -m analysis.evaluation --data "$(DATA)" --check

bench: $(STAMP)
	$(PY) -m analysis.bench

ARTICLES ?= 100000
bench-scale: $(STAMP)
	$(PY) -m analysis.bench --scale $(ARTICLES) --workers 2

lock: $(STAMP)
	@echo "# Exact versions the workbook is tested with (pip constraints). Regenerate with \`make lock\`." > requirements.lock
	$(PY) -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^analysis' >> requirements.lock

clean:
	rm -rf build .cache
