# The two commands a new user needs: `make site` and `make test`. Everything else is for maintainers.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup site serve test test-fast validate browser-deps bench clean

help: ## show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

$(BIN)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The slim Vega bundle of the site (only the transforms its charts can need), built with esbuild.
node_modules/.cache/hgkm-vega/vega.min.js: node_modules/.package-lock.json scripts/vega-bundle.mjs scripts/build_vega.py
	$(PY) scripts/build_vega.py

setup: $(BIN)/.installed node_modules/.package-lock.json node_modules/.cache/hgkm-vega/vega.min.js ## install Python and npm dependencies, build the Vega bundle

validate: setup ## every check of the build (data, declarations, redirects, assets, Vega bundle); writes nothing
	$(BIN)/python -m build_data validate

fetch-statline: $(BIN)/.installed ## update datapackages/cbs-statline-veilig-thuis and cbs-gebieden-in-nederland from CBS StatLine (needs network; ARGS="--dry-run", "--base URL")
	$(BIN)/python scripts/fetch_statline.py $(ARGS)

site: setup ## validate, build site/ and the offline zip in dist/ (atomically)
	$(BIN)/python -m build_data site

serve: setup ## preview on http://127.0.0.1:8000, rebuilding when data or declarations change
	$(BIN)/python -m build_data serve

browser-deps: ## Debian's chromium for the browser tests
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

test: site browser-deps ## build the site, then run every test (unit, build, browser over http and file://)
	$(BIN)/python -m pytest -q

test-fast: setup ## unit tests of the pure modules, layers and contract, then the data against the publications on one in-memory build (no browser; under 60 s)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/unit tests/test_data.py tests/test_reference.py tests/test_regions.py -m 'not browser'

bench: setup browser-deps ## measure build time, growth, page weight and chart time; writes BENCHMARKS.md (takes minutes; not part of test)
	$(BIN)/python scripts/bench.py

clean: ## remove generated files
	rm -rf site dist .build-* test-results
