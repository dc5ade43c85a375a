# Entry points for a new user: `make demo` and `make test`. Both run
# scripts/setup first, which installs only what is missing.
BUILD ?= build
JOBS ?= $(shell nproc)
DEMO_OUT ?= mmm-out/osmosis

.PHONY: setup build test demo bench test-asan fuzz clean

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@node tests/browser/report_test.mjs $(BUILD)/cerebro-mmm

demo: build
	@$(BUILD)/cerebro-mmm run examples/osmosis/spec.yaml --out $(DEMO_OUT)

bench: setup
	@cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCEREBRO_BUILD_BENCHMARKS=ON -DCEREBRO_BUILD_TESTS=OFF >/dev/null
	@cmake --build build-bench -j $(JOBS) --target cerebro_bench
	@build-bench/cerebro_bench

# One clang build with AddressSanitizer and UndefinedBehaviorSanitizer serves
# the test suite and the fuzz targets. Tests that load the uninstrumented
# libchdb.so are left out: those labelled `chdb` or named with "Chdb".
test-asan: setup
	@CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCEREBRO_FUZZ=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp \
	  ctest --output-on-failure -j $(JOBS) -LE chdb -E '[Cc]hdb'

# Each fuzz target runs FUZZ_SECONDS; three targets at 30 s keep CI near 2 min
# after the sanitizer build.
FUZZ_SECONDS ?= 30
fuzz: test-asan
	@scripts/run-fuzzers build-asan $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) build-asan build-bench
