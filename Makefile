# Two commands do all set-up: `make demo` (main job) and `make test` (the tests).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo demo-full test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck unit

DEMO_DB ?= demo.duckdb
SHARED_CORPORA := ../shared/corpora

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/eventwire ingest examples/demo_news.jsonl --db $(DEMO_DB)
	$(BIN)/eventwire summary --db $(DEMO_DB)

demo-full: $(STAMP)
	$(BIN)/eventwire ingest examples/demo_news.jsonl $(wildcard $(SHARED_CORPORA)/*/articles.jsonl) --db $(DEMO_DB)
	$(BIN)/eventwire summary --db $(DEMO_DB)

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
