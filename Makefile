# SalesDojo: `make play` sets up and starts the default role-play; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/dojo

SCENARIO ?= customer-a-lowest-quote

.PHONY: play deps deps-build build install install-files test list validate bench bench-authoring fuzz clean

## play: the default role-play (SCENARIO=id to pick another; `make play SCENARIO=` for the picker).
play: build
	@$(BIN) play $(SCENARIO)

## deps-build: what building needs, only when missing: libedit-dev and pkg-config (line editing) and
## libsqlite3-dev (the progress store). `make play` needs nothing more.
## deps: what testing needs on top, only when missing: sqlite3 (integrity checks in tests), chromium (the
## HTML report is rendered headless in tests), graphviz (`dojo graph` output is rendered with `dot -Tsvg`),
## nodejs (`dojo graph --format mermaid` output is parsed by the real Mermaid parser) and python3-venv; then
## the open-source LRS ralph-malph in a venv under .build/lrs-venv (the xAPI export is sent to it in tests),
## PyYAML and jsonschema, and the Mermaid parser bundle in .build/mermaid.
APT_BUILD := pkg-config libedit-dev libsqlite3-dev
APT_NEEDS := $(APT_BUILD) sqlite3 chromium graphviz nodejs python3-venv
MERMAID_BUNDLE := .build/mermaid/parser.bundle.js
LRS_VENV := .build/lrs-venv
deps-build:
	@missing=""; for p in $(APT_BUILD); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

deps:
	@missing=""; for p in $(APT_NEEDS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@if [ ! -x $(LRS_VENV)/bin/ralph ]; then \
		echo "Installing the ralph-malph LRS into $(LRS_VENV)…"; \
		python3 -m venv $(LRS_VENV) && \
		$(LRS_VENV)/bin/pip install -q 'ralph-malph[lrs,cli]==5.1.0' requests; \
	fi
	@# PyYAML and jsonschema: tests validate every shipped file against docs/schema (docs/tools/validate-schema.py).
	@if ! python3 -c 'import yaml, jsonschema' 2>/dev/null; then \
		echo "Installing PyYAML and jsonschema (pip, user site)…"; \
		python3 -m pip --version >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-pip >/dev/null; }; \
		python3 -m pip install -q --user pyyaml 'jsonschema>=4' 2>/dev/null || \
		python3 -m pip install -q --user --break-system-packages pyyaml 'jsonschema>=4' 2>/dev/null || \
		python3 -m pip install -q pyyaml 'jsonschema>=4'; \
	fi
	@# The real Mermaid parser (mermaid 11.11.0 bundled for node in the wheel mermaid-parser-py 0.0.4): tests
	@# parse every `dojo graph --format mermaid` output with it (docs/tools/mermaid-parse.js).
	@if [ ! -f $(MERMAID_BUNDLE) ]; then \
		echo "Fetching the Mermaid parser into $(dir $(MERMAID_BUNDLE))…"; \
		rm -rf .build/mermaid-wheel && mkdir -p $(dir $(MERMAID_BUNDLE)) && \
		python3 -m pip download -q --no-deps 'mermaid-parser-py==0.0.4' -d .build/mermaid-wheel && \
		python3 -c 'import glob, sys, zipfile; z = zipfile.ZipFile(glob.glob(".build/mermaid-wheel/*.whl")[0]); open(sys.argv[1], "wb").write(z.read("mermaid_parser/js/parser.bundle.js"))' $(MERMAID_BUNDLE); \
	fi

build: deps-build
	$(SWIFT) build -c release --product dojo

## install: build (release) and install into PREFIX (default /usr/local): PREFIX/bin/dojo and the shipped
## library in PREFIX/share/salesdojo/ (Scenarios: playbooks, scenarios, tests, drills, tracks, the trained
## model and the corpus `dojo train` reads; docs: the schemas and references). dojo finds the share folder
## next to itself, so it then works from any directory. DESTDIR is honoured for packaging.
PREFIX ?= /usr/local
SHARE = $(DESTDIR)$(PREFIX)/share/salesdojo
install: build install-files

## install-files: the copying half of install, for an already built DOJO_BIN (tests install a debug build).
DOJO_BIN ?= $(BIN)
install-files:
	@test -x "$(DOJO_BIN)" || { echo "No built dojo at $(DOJO_BIN); run make build first." >&2; exit 1; }
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(SHARE)"
	install -m 0755 "$(DOJO_BIN)" "$(DESTDIR)$(PREFIX)/bin/dojo"
	rm -rf "$(SHARE)/Scenarios" "$(SHARE)/docs"
	cp -R Scenarios "$(SHARE)/Scenarios"
	cp -R docs "$(SHARE)/docs"
	chmod -R u+rwX,go+rX "$(SHARE)"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/dojo and $(SHARE)/"

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

## bench-authoring: release build, then `dojo lint` on the library and `dojo explore --exhaustive` on every
## shipped scenario, timed (each must stay under 1 s; see Benchmarks/authoring.py).
bench-authoring: deps
	$(SWIFT) build -c release --product dojo
	python3 Benchmarks/authoring.py

## fuzz: build the libFuzzer targets in Fuzz/ and run each for SECONDS (default 60), seeded from the
## shipped files; inputs that add coverage are merged into Fuzz/corpus/<target>/ (commit them),
## crashes land in .build/fuzz/artifacts/. The corpus is replayed by `make test` (FuzzCorpusTests).
SECONDS ?= 60
FUZZ_TARGETS := FuzzScenarioLoader FuzzConditionParser FuzzJSONLine FuzzTranscript FuzzEvaluator
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
fuzz: deps
	$(SWIFT) build --product dojo
	cd Fuzz && $(SWIFT) build $(FUZZ_FLAGS)
	Fuzz/make-seeds.sh .build/fuzz/seeds .build/debug/dojo
	@set -e; for target in $(FUZZ_TARGETS); do \
		mkdir -p .build/fuzz/work/$$target .build/fuzz/artifacts Fuzz/corpus/$$target; \
		echo "== $$target: $(SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/debug/$$target -max_total_time=$(SECONDS) -print_final_stats=1 \
			-artifact_prefix=.build/fuzz/artifacts/$$target- \
			.build/fuzz/work/$$target Fuzz/corpus/$$target .build/fuzz/seeds/$$target 2>&1 \
			| grep -v "Cannot export local symbol" | tee .build/fuzz/$$target.log | grep -E "^(#[0-9]+.*DONE|stat::|==.*ERROR|SUMMARY)" || true; \
		if ls .build/fuzz/artifacts/$$target-* >/dev/null 2>&1; then echo "$$target: crash inputs in .build/fuzz/artifacts"; exit 1; fi; \
		ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/debug/$$target -merge=1 Fuzz/corpus/$$target .build/fuzz/work/$$target .build/fuzz/seeds/$$target 2>&1 | grep -E "MERGE-OUTER: [0-9]+ new files" || true; \
	done

clean:
	rm -rf .build
