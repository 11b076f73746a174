# Hamroh — a thin wrapper around meson.  Two commands matter:
#   make run    install what is missing, build, open Hamroh on the demo data
#   make test   install what is missing, build, run every test headless
# and one more for developers:
#   make bench  the benchmarks of bench/ against their references

BUILD ?= _build
DEMO_BENEFICIARIES ?= 3000
DATA_HOME := $(if $(XDG_DATA_HOME),$(XDG_DATA_HOME),$(HOME)/.local/share)
# The demo has a file of its own: deleting it to start over never touches
# the real database (hamroh.sqlite3 beside it)
DEMO_DB ?= $(DATA_HOME)/hamroh/demo.sqlite3

# Debian 12 packages needed to build, run and test
PACKAGES = \
	meson ninja-build pkg-config gcc gettext \
	libglib2.0-dev libgtk-4-dev libadwaita-1-dev \
	libsqlite3-dev sqlite3 libxlsxwriter-dev libsodium-dev libexpat1-dev \
	libcairo2-dev libpango1.0-dev \
	libminizip-dev libxml2-dev libcsv-dev \
	desktop-file-utils appstream libglib2.0-bin \
	xvfb xauth dbus dbus-x11 at-spi2-core gir1.2-atspi-2.0 gir1.2-gtk-4.0 \
	python3 python3-gi python3-openpyxl python3-xlsxwriter poppler-utils imagemagick time \
	adwaita-icon-theme fonts-dejavu-core

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: all deps setup build run test bench clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

setup: deps
	@if [ ! -f $(BUILD)/build.ninja ]; then meson setup $(BUILD); fi

build: setup
	meson compile -C $(BUILD)

run: build
	@if [ ! -f "$(DEMO_DB)" ]; then \
	  echo "Creating a demo database with $(DEMO_BENEFICIARIES) beneficiaries in $(DEMO_DB) …"; \
	  $(BUILD)/src/cli/hamroh-cli --database "$(DEMO_DB)" demo --beneficiaries $(DEMO_BENEFICIARIES) --seed 2026 \
	    > "$(DEMO_DB).users.tmp" || { rm -f "$(DEMO_DB)" "$(DEMO_DB)".*; exit 1; }; \
	  echo "Demo users (shown once; keep them — they are not stored anywhere):"; \
	  sed 's/^demo-user /  /' "$(DEMO_DB).users.tmp"; rm -f "$(DEMO_DB).users.tmp"; \
	fi
	GSETTINGS_SCHEMA_DIR=$(BUILD)/resources HAMROH_LOCALEDIR=$(BUILD)/po $(BUILD)/src/gui/hamroh --database "$(DEMO_DB)"

# -noreset: Xvfb otherwise resets when its last client leaves, and a program
# connecting during the reset (the end-to-end journey) is refused the display
test: build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset" meson test -C $(BUILD) --print-errorlogs; \
	else \
	  dbus-run-session -- meson test -C $(BUILD) --print-errorlogs; \
	fi

bench: build
	bench/run $(BUILD)

clean:
	rm -rf $(BUILD)
