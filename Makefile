# Chronicle: `make run` to see it, `make test` to check it.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/requirements.stamp
PIP_VERSION := 26.3
TE3    ?= ../shared/bench/te3
BENCH_OUT := bench/out
APT_PACKAGES := chromium chromium-driver fonts-dejavu-core fonts-liberation2
FONT   := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

.PHONY: venv system-deps test run bench bench-news clean distclean

## venv: the Python environment, reinstalled only when requirements.txt changes
venv: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)

$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

## system-deps: Chromium and ChromeDriver for browser tests and image export, and fonts
system-deps:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -f $(FONT) ]; then \
		exit 0; \
	elif [ "$$(id -u)" != 0 ]; then \
		echo "system-deps: not root, so cannot apt-get install $(APT_PACKAGES);" \
		     "run 'sudo make system-deps' (browser tests and image export need them)" >&2; \
	else \
		echo "system-deps: installing $(APT_PACKAGES)"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null; \
	fi

## test: every test (unit, golden, browser, export)
test: venv system-deps
	$(PY) -m pytest -q

## run: extract the seed articles into data/chronicle.db, then serve the dashboard
##      on http://127.0.0.1:8050 (HOST= and PORT= to change; DB= for another store)
DB   ?= data/chronicle.db
HOST ?= 127.0.0.1
PORT ?= 8050
run: venv
	$(PY) -m extract seeds/ --db $(DB)
	$(PY) -m dashboard --db $(DB) --host $(HOST) --port $(PORT)

## bench: time expressions scored on TempEval-3 (TimeBank and AQUAINT)
bench: venv
	@mkdir -p $(BENCH_OUT)
	$(PY) -m extract.bench timex $(TE3)/timebank.jsonl $(BENCH_OUT)/timebank.jsonl
	$(PY) -m extract.bench timex $(TE3)/aquaint.jsonl $(BENCH_OUT)/aquaint.jsonl
	$(PY) $(TE3)/score.py $(TE3)/timebank.jsonl $(BENCH_OUT)/timebank.jsonl
	$(PY) $(TE3)/score.py $(TE3)/aquaint.jsonl $(BENCH_OUT)/aquaint.jsonl

## bench-news: time expressions scored on the news probe sets of bench/news (news of 1989-2026)
bench-news: venv
	@mkdir -p $(BENCH_OUT)
	@for set in bench/news/*.jsonl; do \
		name=$$(basename $$set .jsonl); \
		$(PY) -m extract.bench timex $$set $(BENCH_OUT)/news-$$name.jsonl > /dev/null && \
		$(PY) $(TE3)/score.py $$set $(BENCH_OUT)/news-$$name.jsonl | tail -n 2; \
	done

## clean: remove generated files and caches (keeps .venv and data/)
clean:
	rm -rf $(BENCH_OUT) .pytest_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

## distclean: also remove the Python environment
distclean: clean
	rm -rf $(VENV)
