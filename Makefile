# The two commands of the README: `make demo` and `make test`. Both install what is
# missing first and are quick the second time.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.package-lock.json
# A minimal Vite site that the tests install the npm package into (its own pinned lock file).
VITE_HOST := tests/browser/vite_host
VITE_INSTALLED := $(VITE_HOST)/node_modules/.package-lock.json
# Lighthouse, for `make bench` only (a dev dependency): the tests don't install it.
LIGHTHOUSE := node_modules/lighthouse/package.json

.PHONY: demo test static browser bench dist

demo: static
	$(PY) tools/serve.py --port $(PORT)

test: static browser $(VITE_INSTALLED)
	$(PY) -m mypy
	$(PY) -m pytest $(PYTEST_ARGS)

bench: static browser $(LIGHTHOUSE)
	$(PY) bench/run.py $(BENCH_ARGS)

$(INSTALLED): requirements/runtime.txt requirements/dev.txt requirements/caldav.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/runtime.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements/caldav.txt
	touch $@

$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund --omit=dev

$(VITE_INSTALLED): $(VITE_HOST)/package.json $(VITE_HOST)/package-lock.json
	npm ci --no-audit --no-fund --prefix $(VITE_HOST)

# The packages of a release into dist/: the npm package and the plain static archive of the
# bundle (tools/pack_static.py prints each file's size and the version).
dist: static
	$(PY) tools/pack_static.py

$(LIGHTHOUSE): package.json package-lock.json
	npm ci --no-audit --no-fund --include=dev

# Always rebuilt, to pick up every change under py/: a few seconds, plus about 40 s of
# brotli whenever the snapshot changed (tools/compress_static.mjs keeps the other results).
static: $(INSTALLED) $(NODE_INSTALLED)
	$(PY) tools/build_static.py

# Debian's Chromium for the browser tests (Playwright cannot download its own here), and a
# Japanese font so the Japanese page renders its words rather than empty boxes.
browser:
	@command -v chromium >/dev/null && fc-list :lang=ja | grep -q . || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation fonts-ipafont-gothic; }
