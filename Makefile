# Everything installs into .venv so a fresh clone needs only Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
SEEDS := seeds
CARDS := cards
DECKS := decks

.PHONY: install install-test chromium cards deck test lint eval review bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "make: $(PYTHON) not found; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

cards: install
	$(BIN)/factcards extract $(SEEDS) --cards-dir $(CARDS)

deck: install
	$(BIN)/factcards build $(SEEDS) --cards-dir $(CARDS) --decks-dir $(DECKS)

# Debian's chromium for tests/test_browser.py: apt-get when root on Debian, silently skipped
# otherwise (the browser test then skips itself).
chromium:
	@[ -x /usr/bin/chromium ] || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
		>/dev/null 2>&1; } || true

test: install-test chromium
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# Scores a fresh extraction of seeds/ (in .eval-cards/, so edits or orphans in cards/ never
# count) and the public benchmarks (needs ../shared).
eval: install
	@rm -rf .eval-cards
	@$(BIN)/factcards extract $(SEEDS) --cards-dir .eval-cards > /dev/null
	@$(BIN)/python bench/eval.py --shared $(SHARED) --cli $(BIN)/factcards --cards .eval-cards

# The teacher's reading: 60 seeded-random cards (20 claims, 20 definitions, 20 dates and quotes)
# from the public dev data, printed with their source sentences (needs ../shared).
review: install
	@$(BIN)/python bench/review.py --shared $(SHARED) --cli $(BIN)/factcards --work .review

# Speed: overhead over the bare parse, rebuilds, parallelism, memory, packaging (one table).
bench: install-test
	@$(BIN)/python bench/run.py --shared $(SHARED) --cli $(BIN)/factcards

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache .eval-cards .review
