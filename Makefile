# SPDX-License-Identifier: GPL-2.0-or-later
# Atelier territorial: build, test and package the QGIS plugin.
#
#   make deps       Debian packages + build/venv (idempotent, quick when done)
#   make test       tests on QGIS 3.22 (host), 3.40 and 3.44 (Debian 13 chroots)
#   make test-322   host only   make test-340 / test-344   one chroot only
#   make lint       ruff, flake8-qgis (Qt 6 rules), import layers, Python 3.9 checks
#   make i18n       refresh the .ts, build the .qm, fail on unfinished French
#   make package    build/poix_atelier_plugin.zip, checked against the repository rules
#   make deploy     copy the staged plugin into a QGIS profile (PROFILE_DIR=...)
#   make run        QGIS desktop with the plugin and sample_project.qgz, French UI
#   make demo       headless demo: boards written to out/boards/
#   make bench      benchmarks under tests/bench/
#   make clean      build products (keeps venv and chroot)   make distclean: everything
#
# PYTEST_ARGS is passed to pytest, e.g. make test-322 PYTEST_ARGS="-k photos -x".
# Run as root on Debian 12 (apt-get and debootstrap need it).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

export DEBIAN_FRONTEND := noninteractive

PLUGIN := poix_atelier_plugin
REPO := $(abspath .)
BUILD := build
STAMPS := $(BUILD)/stamps
SYS_PY := /usr/bin/python3
VENV := $(BUILD)/venv
PY := $(VENV)/bin/python
STAGE := $(BUILD)/stage
ZIP := $(BUILD)/$(PLUGIN).zip
SHARED ?= $(abspath ../shared)
ZIP_CHECKER := $(SHARED)/checks/check_plugin_zip.py
TRIXIE := scripts/trixie_chroot.sh
BACKPORTS := TRIXIE_VARIANT=backports $(TRIXIE)
# flake8-qgis rules for Qt 6 / QGIS 4 (QGS107 exec_, QGS111 processing
# import, QGS401-410 QVariant types, unscoped enums, moved classes).
QGIS_RULES := QGS107,QGS111,QGS401,QGS402,QGS403,QGS404,QGS405,QGS406,QGS407,QGS408,QGS409,QGS410
# A Python 3.9 (QGIS 3.22 on Windows) for the optional compile/import check.
PY39 ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.9*/bin/python) $(shell command -v python3.9 2>/dev/null))

TS := $(PLUGIN)/i18n/$(PLUGIN)_fr.ts
QM := $(PLUGIN)/i18n/$(PLUGIN)_fr.qm
I18N_SOURCES = $(shell find $(PLUGIN) -name __pycache__ -prune -o \( -name '*.py' -o -name '*.ui' \) -print | LC_ALL=C sort)
# Set to 1 to make `make test` fail on unfinished French strings too.
I18N_STRICT ?= 1

PYTEST_ARGS ?=
PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
RUN_PROFILE := $(BUILD)/run-profile
LINT_PATHS := $(PLUGIN) tests scripts

# Debian 12 packages. QGIS 3.22 and its Python bindings, PostGIS for the
# live multi-user store tests, Qt's i18n tools (pylupdate5, lrelease),
# debootstrap for the QGIS 3.40 chroot, xvfb for `make run` without a display,
# poppler/imagemagick/ghostscript to inspect exported boards, exiftool for
# photo fixtures, shapely for domain/.
APT_PACKAGES := qgis python3-qgis qgis-providers python3-shapely python3-pil python3-psycopg2 \
	postgresql-15-postgis-3 qttools5-dev-tools pyqt5-dev-tools \
	python3-venv python3-pip debootstrap xvfb xauth \
	poppler-utils imagemagick ghostscript gdal-bin fonts-dejavu-core \
	libimage-exiftool-perl ca-certificates

.PHONY: help deps deps-apt deps-venv deps-trixie deps-backports test test-322 test-340 test-344 lint format \
	ts qm i18n i18n-check stage package deploy run demo bench clean distclean

help:
	@sed -n '2,17s/^# \{0,1\}//p' Makefile

# --- dependencies ----------------------------------------------------------

deps: $(STAMPS)/apt $(STAMPS)/venv

deps-apt: $(STAMPS)/apt
deps-venv: $(STAMPS)/venv

# apt-get only runs when a package is missing (or the list changed).
$(STAMPS)/apt: Makefile
	@mkdir -p $(STAMPS)
	@missing=$$( { dpkg-query -W -f='$${Package} $${db:Status-Status}\n' $(APT_PACKAGES) 2>/dev/null || true; } \
		| awk '$$2 == "installed" {print $$1}' | sort -u | comm -13 - <(printf '%s\n' $(APT_PACKAGES) | sort -u)); \
	if [ -n "$$missing" ]; then \
		echo "== apt-get install:" $$missing; \
		apt-get update -q; \
		apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@test -x $(SYS_PY) && $(SYS_PY) -c 'import qgis.core, shapely' \
		|| { echo "deps: $(SYS_PY) cannot import qgis.core and shapely" >&2; exit 1; }
	@touch $@

$(STAMPS)/venv: requirements-dev.txt $(STAMPS)/apt
	@echo "== venv $(VENV) (system site packages) + requirements-dev.txt"
	@test -x $(PY) || $(SYS_PY) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# Debian 13 chroot with QGIS 3.40 (built once, about 2 minutes).
deps-trixie: $(STAMPS)/apt
	$(TRIXIE) setup

# Debian 13 + trixie-backports chroot with QGIS 3.44 (build/trixie-backports).
deps-backports: $(STAMPS)/apt
	$(BACKPORTS) setup

# --- translations ----------------------------------------------------------

# Refresh the French catalogue from the sources, keeping existing translations.
ts: $(STAMPS)/apt
	@mkdir -p $(dir $(TS))
	@echo "pylupdate5 -noobsolete <$(words $(I18N_SOURCES)) .py/.ui files> -ts $(TS)"
	@PYTHONWARNINGS=ignore pylupdate5 -noobsolete $(I18N_SOURCES) -ts $(TS)

qm: ts
	lrelease -silent $(TS) -qm $(QM)

i18n-check: ts
	$(SYS_PY) scripts/check_translations.py $(TS)

i18n: qm i18n-check

# --- tests -----------------------------------------------------------------

test: test-322 test-340 test-344

# pytest-qgis keeps its QGIS profile in .qgis-settings/$$PYTEST_XDIST_WORKER: one
# profile per QGIS version (never shared between versions), so that two suites
# can run side by side (.ci/run runs the two chroot ones at once, after `make i18n`
# and with TEST_I18N= so that no suite rewrites the .qm another one has open).

ifeq ($(I18N_STRICT),1)
TEST_I18N := i18n
else
TEST_I18N := qm
endif

test-322: deps $(TEST_I18N)
	@echo "== pytest on QGIS $$($(SYS_PY) -c 'from qgis.core import Qgis; print(Qgis.version())') (host)"
	@rm -rf .qgis-settings/qgis322
	PYTEST_XDIST_WORKER=qgis322 QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test-340: deps deps-trixie $(TEST_I18N)
	@echo "== pytest on QGIS 3.40 (Debian 13 chroot $(BUILD)/trixie)"
	@rm -rf .qgis-settings/qgis340
	PYTEST_XDIST_WORKER=qgis340 $(TRIXIE) run python3 -m pytest $(PYTEST_ARGS)

# What 3.44 deprecates, QGIS 4 removes: a DeprecationWarning raised from the
# plugin's own modules fails the run there (tests/conftest.py, ATELIER_QGIS).
test-344: deps deps-backports $(TEST_I18N)
	@echo "== pytest on QGIS 3.44 (Debian 13 + trixie-backports chroot $(BUILD)/trixie-backports)"
	@rm -rf .qgis-settings/qgis344
	PYTEST_XDIST_WORKER=qgis344 $(BACKPORTS) run python3 -m pytest $(PYTEST_ARGS)

lint: deps
	$(PY) -m ruff check $(LINT_PATHS)
	$(PY) -m ruff format --check $(LINT_PATHS)
	$(PY) -m flake8 --select=$(QGIS_RULES) $(PLUGIN)
	$(VENV)/bin/vermin --target=3.9- --no-tips --violations -q $(PLUGIN)
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/check_py39.py
	@if [ -n "$(PY39)" ]; then $(PY39) scripts/check_py39.py --run; \
	else echo "lint: no Python 3.9 interpreter here, compile/import check skipped"; fi

format: deps
	$(PY) -m ruff check --fix $(LINT_PATHS)
	$(PY) -m ruff format $(LINT_PATHS)

# --- package and install ---------------------------------------------------

# Staged plugin folder (what QGIS loads); translations may be unfinished.
stage: qm
	$(SYS_PY) scripts/stage_plugin.py --stage $(STAGE) --require-qm

package: i18n
	$(SYS_PY) scripts/stage_plugin.py --stage $(STAGE) --require-qm --zip $(ZIP)
	@if [ -f $(ZIP_CHECKER) ]; then $(SYS_PY) $(ZIP_CHECKER) $(ZIP); \
	else echo "package: $(ZIP_CHECKER) not found, zip not checked" >&2; fi

deploy: stage
	@mkdir -p "$(PROFILE_DIR)"
	rm -rf "$(PROFILE_DIR)/$(PLUGIN)"
	cp -r $(STAGE)/$(PLUGIN) "$(PROFILE_DIR)/$(PLUGIN)"
	@echo "deployed to $(PROFILE_DIR)/$(PLUGIN); enable it in Plugins > Manage and Install Plugins"

# QGIS desktop on a scratch profile: plugin enabled, French interface.
run: deps stage
	@mkdir -p $(RUN_PROFILE)/profiles/default/QGIS
	@printf '%s\n' '[PythonPlugins]' '$(PLUGIN)=true' '' \
		'[locale]' 'overrideFlag=true' 'userLocale=fr_FR' 'globalLocale=fr_FR' '' \
		'[qgis]' 'checkVersion=false' 'showTips=false' \
		> $(RUN_PROFILE)/profiles/default/QGIS/QGIS3.ini
	@test -f sample_project.qgz || echo "run: sample_project.qgz not found, starting with an empty project" >&2
	QGIS_CUSTOM_CONFIG_PATH=$(REPO)/$(RUN_PROFILE) QGIS_PLUGINPATH=$(REPO)/$(STAGE) \
	$(if $(DISPLAY),,xvfb-run -a -s "-screen 0 1600x1000x24") \
	qgis --nologo --noversioncheck $(if $(wildcard sample_project.qgz),--project sample_project.qgz)

demo: deps qm
	QT_QPA_PLATFORM=offscreen $(SYS_PY) scripts/demo.py

# Each tests/bench/bench_*.py prints its own figures.
bench: deps qm
	@set -e; for script in $(sort $(wildcard tests/bench/bench_*.py)); do \
		echo "== $$script"; \
		QT_QPA_PLATFORM=offscreen PYTHONPATH=$(REPO) $(PY) $$script; \
	done

# --- cleaning --------------------------------------------------------------

clean:
	rm -rf $(STAGE) $(ZIP) $(RUN_PROFILE) $(BUILD)/tmp out .pytest_cache .ruff_cache
	rm -f $(PLUGIN)/i18n/*.qm
	find $(PLUGIN) tests scripts -name __pycache__ -type d -prune -exec rm -rf {} +

# Also the venv and the chroot (refuses while anything is mounted in it).
distclean: clean
	@if grep -q " $(REPO)/$(BUILD)/trixie" /proc/mounts; then \
		echo "distclean: something is still mounted under $(BUILD)/trixie; unmount it first" >&2; exit 1; fi
	rm -rf --one-file-system $(BUILD)
