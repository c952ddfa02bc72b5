# The two commands of the README: `make demo` and `make test`. Both install what is
# missing first and are quick the second time. `make check` is the quick one: types, lint,
# the layout and the CPython tests, no browser and no apt (under a minute).
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

.PHONY: demo test check lint static browser bench dist

demo: static
	$(PY) tools/serve.py --port $(PORT)

test: static browser lint $(VITE_INSTALLED)
	$(PY) -m pytest --durations=20 $(PYTEST_ARGS)

# The release files in dist/, each printed with its size and the version: the Django app's
# wheel and sdist (tools/dist.py), the npm package and the plain static archive of the bundle
# (tools/pack_static.py).
dist: static
	$(PY) tools/dist.py
	$(PY) tools/pack_static.py

# Without collecting tests/browser (all `browser`; some of its modules read the build when
# imported). The property tests run their "check" profile, fewer generated examples
# (tests/test_properties.py).
check: $(INSTALLED) lint
	HYPOTHESIS_PROFILE=check $(PY) -m pytest -m "not browser and not built" --ignore=tests/browser -q $(PYTEST_ARGS)

# mypy --strict over py/, tools/, bench/ and tests/ (pyproject.toml; the Django tests' conftest.py
# in a run of its own, as the other conftest.py is a module of the same name), ruff, and the
# import layering.
lint: $(INSTALLED)
	$(PY) -m mypy
	$(PY) -m mypy tests/django_app/conftest.py
	$(PY) -m ruff check py tools bench tests
	$(PY) tools/import_graph.py

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


$(LIGHTHOUSE): package.json package-lock.json
	npm ci --no-audit --no-fund --include=dev

# Always rebuilt, to pick up every change under py/: a few seconds, plus about a minute of
# brotli and zstd whenever the snapshot changed (tools/compress_static.py keeps the other results).
static: $(INSTALLED) $(NODE_INSTALLED)
	$(PY) tools/build_static.py

# Debian's Chromium, Firefox ESR and WebKitGTK (its WebDriver server and MiniBrowser, on a
# virtual screen from xvfb) for the browser tests: Playwright cannot download its own here.
# A Japanese font so the Japanese page renders its words rather than empty boxes.
browser:
	@command -v chromium >/dev/null && command -v firefox-esr >/dev/null && command -v WebKitWebDriver >/dev/null && \
		command -v Xvfb >/dev/null && fc-list :lang=ja | grep -q . || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium firefox-esr webkit2gtk-driver xvfb \
		fonts-dejavu-core fonts-liberation fonts-ipafont-gothic; }
