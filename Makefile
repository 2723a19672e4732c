# Thin wrapper around CMake presets; see README.md.
# `make run` and `make test` are the whole set-up on a fresh Debian 12 machine.

PRESET   ?= release
BUILD    := build
JOBS     ?= $(shell nproc)
CONTENT  ?= content
ARGS     ?=

.PHONY: all deps configure build content run test test-asan bench package clean fuzz

all: build

deps:
	@bash packaging/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD)/build.ninja ]; then cmake --preset $(PRESET) >/dev/null; fi

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The sample event: draws its photos and logos (once), then checks and compiles it.
content: build
	$(BUILD)/bin/ww-sample-media $(CONTENT)
	$(BUILD)/bin/wegweiser-content build $(CONTENT) -o $(BUILD)/content.db

run: content
	$(BUILD)/bin/wegweiser --content $(BUILD)/content.db $(ARGS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The same suites under AddressSanitizer and UndefinedBehaviorSanitizer; any report, also from a
# program a test starts, fails it (tests/sanitizers/, docs/RELIABILITY.md).
test-asan: deps
	cmake --preset asan >/dev/null
	cmake --build build-asan -j $(JOBS)
	tests/sanitizers/run-tests.sh $(JOBS)

# libFuzzer on every reader of staff files, FUZZ_SECONDS per target (clang 14; see fuzz/README.md).
FUZZ_SECONDS ?= 60
fuzz:
	@WW_DEPS_FUZZ=1 bash packaging/install-deps.sh
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh build-fuzz

# Every benchmark, one JSON summary (the gallery swipe takes about 15 minutes; BENCH_GALLERY=0 skips
# it). The figures and how to read them are in docs/PERFORMANCE.md.
bench: content
	tests/bench/run-all.sh $(BUILD)

# The Debian package: build/wegweiser_<version>_<arch>.deb (see docs/OPERATIONS.md).
package: content
	cmake --build $(BUILD) --target package

clean:
	rm -rf $(BUILD) build-debug build-asan
