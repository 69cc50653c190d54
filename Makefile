# Pantau: `make run` serves the dashboard (demo on first start), `make test` runs the whole suite.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench seed clean docs

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m lib.cli seed --first-start
	$(PY) -m streamlit run dashboard.py --server.port $(PORT)

seed: $(STAMP)
	$(PY) -m lib.cli seed

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

test: lint
	$(PY) -m pytest -n 2 --dist loadgroup -q

docs: $(STAMP)
	$(PY) -m lib.devtools.docs

bench: $(STAMP)
	$(PY) -m lib.devtools.bench

clean:
	rm -rf $(VENV) data/pantau.db data/pantau.db-wal data/pantau.db-shm .pytest_cache
