# SalesDojo: `make play` sets up and starts the default role-play; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/dojo

SCENARIO ?= customer-a-lowest-quote

.PHONY: play deps build test list validate bench clean

## play: the default role-play (SCENARIO=id to pick another; `make play SCENARIO=` for the picker).
play: build
	@$(BIN) play $(SCENARIO)

## deps: install libedit-dev (and pkg-config) when they are missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libedit; then \
		echo "Installing libedit-dev (needed for line editing)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq pkg-config libedit-dev >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product dojo

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

list: build
	@$(BIN) list

validate: build
	@$(BIN) validate --strict

## bench: release build, then the evaluator benchmark (prints figures; see Benchmarks/).
bench: deps
	$(SWIFT) build -c release --product dojo
	$(SWIFT) build -c release --product DojoBench
	.build/release/DojoBench "$(CURDIR)"

clean:
	rm -rf .build
