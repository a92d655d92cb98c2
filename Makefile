# Two commands on a fresh machine: `make run` (set up, open the app) and `make test` (set up, check everything).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# What `make run` opens: the bundled English sample unless told otherwise (`make run ARGS=` for the start page).
ARGS   ?= resources/samples/sample-policy-en.html
STAMP  := $(VENV)/.installed

.PHONY: setup run test check lint typecheck pytest bench eval package clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,package]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(PY) -m desktop $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop tests bench packaging
	$(VENV)/bin/ruff format --check desktop tests bench packaging
	$(VENV)/bin/lint-imports

typecheck: $(STAMP)
	$(VENV)/bin/mypy desktop

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

bench: $(STAMP)
	$(PY) bench/bench_engine.py

# Prefill accuracy: regenerate the converted gold sets from ../shared, then score every gold file.
eval: $(STAMP)
	$(PY) bench/convert_gdpr200.py
	$(PY) bench/convert_opp115.py
	$(PY) -m desktop eval bench/gold --json bench/out/eval.json

# The onedir bundle in dist/, checked by its own --self-test (installers: packaging/build.py --installer).
package: $(STAMP)
	$(PY) packaging/build.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
