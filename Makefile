# onetrip — all set-up happens here; `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_STAMP := $(VENV)/.apt-installed
APT_PACKAGES := fonts-droid-fallback fonts-wqy-microhei poppler-utils chromium
export ONETRIP_HOME ?= $(CURDIR)/var

.PHONY: install apt run test bench lint format clean

install: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# torch==2.13.0 first: it is the local CPU build; a plain requirement would pull CUDA.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[st,dev,queue]'
	touch $(STAMP)

# Fonts (Chinese PDFs and test documents), pdftoppm and Chromium (browser tests).
apt: $(APT_STAMP)

$(APT_STAMP): | $(PY)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  echo "installing from apt:$$missing"; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi
	touch $(APT_STAMP)

run: install apt
	@if $(VENV)/bin/onetrip kb list | grep -q '^共 0 个事项'; then $(VENV)/bin/onetrip kb import knowledge/samples; fi
	$(VENV)/bin/onetrip index
	$(VENV)/bin/onetrip serve --host 127.0.0.1 --port 8000

test: install apt
	$(PY) -m pytest -q

bench: install apt
	$(PY) -m bench

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) var .pytest_cache
