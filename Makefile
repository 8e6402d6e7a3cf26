# onetrip — all set-up happens here; `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed
APT_STAMP := $(VENV)/.apt-installed
RUN_APT_STAMP := $(VENV)/.apt-installed-run
# The service needs the CJK fonts (printable notices); the tests also need pdftoppm
# and Chromium (browser tests), and the blind document set (bench) draws with more faces.
RUN_APT_PACKAGES := fonts-droid-fallback fonts-wqy-microhei
APT_PACKAGES := $(RUN_APT_PACKAGES) poppler-utils chromium \
	fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk
export ONETRIP_HOME ?= $(CURDIR)/var

.PHONY: install install-run apt apt-run run test bench lint format clean

# What the service needs and nothing more: no PyTorch, sentence-transformers, Playwright
# or pytest (`make test` installs those; operators with their own model use the [st] extra).
install-run: $(RUN_STAMP)

$(RUN_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $(RUN_STAMP)

# Everything: the service, the tests, the benchmarks and the [st] encoder.
install: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# torch==2.13.0 first: it is the local CPU build; a plain requirement would pull CUDA.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[st,dev,queue]'
	touch $(STAMP) $(RUN_STAMP)

apt: $(APT_STAMP)

$(APT_STAMP): | $(PY)
	@$(MAKE) --no-print-directory _apt PACKAGES="$(APT_PACKAGES)"
	touch $(APT_STAMP) $(RUN_APT_STAMP)

apt-run: $(RUN_APT_STAMP)

$(RUN_APT_STAMP): | $(PY)
	@$(MAKE) --no-print-directory _apt PACKAGES="$(RUN_APT_PACKAGES)"
	touch $(RUN_APT_STAMP)

_apt:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  echo "installing from apt:$$missing"; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

run: install-run apt-run
	@if $(VENV)/bin/onetrip kb list | grep -q '^共 0 个事项'; then $(VENV)/bin/onetrip kb import knowledge/samples knowledge/bundle-samples; fi
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
