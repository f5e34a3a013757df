# Two commands do all set-up: `make demo` (main job) and `make test` (the tests).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser demo demo-full test lint typecheck unit bench bench-limits fuzz-long docs golden clean vendor screenshots

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Debian's chromium for the browser tests (Playwright drives it; its own browser download is never used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	    || echo "could not install chromium: browser tests will skip"; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' (browser tests will skip)"; fi; }

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck browser unit

DEMO_DB ?= demo.store
SHARED_CORPORA := ../shared/corpora

DEMO_SERVE ?= 1
PORT ?= 8000

# Real news: U.S. State Department releases (public domain) and Wikinews articles (CC BY 2.5), examples/news/
DEMO_NEWS := examples/news/state_dept/articles.jsonl examples/news/wikinews/articles.jsonl

demo: $(STAMP)
	rm -rf $(DEMO_DB)
	$(BIN)/eventwire ingest $(DEMO_NEWS) --db $(DEMO_DB)
	$(BIN)/eventwire summary --db $(DEMO_DB)
	@if [ "$(DEMO_SERVE)" = 1 ]; then $(BIN)/eventwire serve --db $(DEMO_DB) --port $(PORT); fi

demo-full: $(STAMP)
	$(BIN)/eventwire ingest $(DEMO_NEWS) examples/demo_news.jsonl --db $(DEMO_DB)
	$(BIN)/eventwire summary --db $(DEMO_DB)

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# Bounded resources (docs/reliability.md): 1 GiB decompression bombs, and articles of 5 KB to 1 MB.
bench-limits: $(STAMP)
	$(BIN)/python benchmarks/bombs.py
	$(BIN)/python benchmarks/long_article.py

# The long fuzz run: every fuzz test's cases times 20 (about 100,000), a hang fails after 20 s.
fuzz-long: $(STAMP)
	EVENTWIRE_FUZZ_SCALE=20 $(BIN)/pytest tests/test_fuzz_readers.py tests/test_fuzz_pipeline.py

# Browser assets (world-atlas outlines, swagger-ui) from the npm registry, at development time only
vendor:
	$(BIN)/python scripts/vendor_assets.py

screenshots: $(STAMP)
	rm -rf $(DEMO_DB) && $(BIN)/python scripts/screenshots.py --db $(DEMO_DB)

docs: $(STAMP)
	$(BIN)/python scripts/cli_docs.py > docs/cli.md

# Regenerate the golden end-to-end output (tests/golden/) -- only on purpose, after reviewing the diff.
golden: $(STAMP)
	$(BIN)/python scripts/golden.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
