# SalesDojo: `make play` sets up and starts the default role-play; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/dojo

SCENARIO ?= customer-a-lowest-quote

.PHONY: play deps build test list validate bench fuzz clean

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
