# Two commands do all the set-up on a fresh machine (Python 3.11 with venv):
#   make demo   — create .venv, install the package, extract a sample directive, print its JSON
#   make test   — the same set-up, then the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLE ?= corpus/docs/c1-tb-syt-quangnam-2022-giao-ban-kham-chua-benh.txt

.PHONY: demo test lint bench bench-archive evaluate clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/directive-nlp extract $(SAMPLE) --pretty

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

bench-archive: $(STAMP)
	$(BIN)/python scripts/bench_archive.py

evaluate: $(STAMP)
	$(BIN)/python scripts/evaluate.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
