# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
JOBS ?= $(shell nproc)
SCORECARD := build/dev/scorecard
SEEDS := $(sort $(wildcard data/seeds/*))
# make fuzz: seconds for each target, and which targets (e.g. make fuzz FUZZ_SECONDS=60 FUZZ_TARGETS=xlsx).
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= csv toml folder xlsx
NODE_MODULES := node_modules/.package-lock.json

.PHONY: all deps debian-packages build run test format-check format tidy asan bench fuzz clean

all: build

deps: debian-packages $(NODE_MODULES)

debian-packages:
	@scripts/install-deps.sh

# The npm packages the reports are built and tested with (package.json): sass and GOV.UK Frontend
# for the stylesheet, playwright-core and axe-core for the accessibility scan. npm ci installs
# them from package-lock.json into node_modules, again only when the lock is newer than the
# stamp npm ci leaves there (NODE_MODULES).
$(NODE_MODULES): package.json package-lock.json | debian-packages
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: deps
	@cmake --preset dev -G Ninja >/dev/null
	@cmake --build --preset dev -j $(JOBS)

# Loads the demo councils into the embedded database (var/scorecard.db) and prints each one's
# scorecard as the database holds it. The web application will be served here when it exists.
run: build
	@for d in $(SEEDS); do \
	  org=$$(sed -n 's/^code *= *"\(.*\)"/\1/p' $$d/scorecard.toml); \
	  echo; echo "=== $$org ($$d) ==="; \
	  $(SCORECARD) import $$d --org $$org --reason "demo council" > /dev/null || exit 1; \
	  $(SCORECARD) assess --org $$org || exit 1; \
	done

# Through a throwaway PostgreSQL server, so the storage suite runs on both backends.
test: build format-check
	@scripts/with-postgres.sh ctest --preset dev -j $(JOBS) --timeout 300

format-check:
	@scripts/format.sh --check

format:
	@scripts/format.sh

# clang-tidy 16 (14 cannot read C++23); libstdc++ 12 offers std::expected only to compilers
# that claim C++20 concepts in full, which clang 16 does not yet, hence the macro.
tidy: build
	@scripts/install-deps.sh --tidy
	@run-clang-tidy-16 -clang-tidy-binary clang-tidy-16 -quiet -p build/dev \
	  -extra-arg=-std=c++2b -extra-arg=-U__cpp_concepts -extra-arg=-D__cpp_concepts=202002L \
	  'src/.*\.cc$$'
	@echo "tidy: no findings"

asan: deps
	@cmake --preset asan -G Ninja >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@scripts/with-postgres.sh ctest --preset asan -j $(JOBS) --timeout 600

# The engine benchmark; `scorecard assess` against DuckDB reading the same CSV files; then the
# import benchmark against bare and indexed loads by the sqlite3 shell and psql, and the
# single-edit benchmark, each through a throwaway PostgreSQL server; then the report writers
# (XLSX and CSV) on a 1,000-row table. DuckDB is for the benchmark
# only: npm ci installs it, from bench/duckdb/package-lock.json, into bench/duckdb/node_modules
# (again when the lock changes).
DUCKDB := bench/duckdb/node_modules/.package-lock.json

$(DUCKDB): bench/duckdb/package.json bench/duckdb/package-lock.json
	@scripts/install-deps.sh --bench
	@cd bench/duckdb && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

bench: deps $(DUCKDB)
	@cmake --preset release -G Ninja >/dev/null
	@cmake --build --preset release -j $(JOBS)
	@build/release/bench/engine_bench
	@build/release/bench/assess_bench
	@scripts/with-postgres.sh build/release/bench/import_bench
	@scripts/with-postgres.sh build/release/bench/edit_bench
	@build/release/bench/report_writers_bench
	@build/release/bench/report_bench

fuzz: deps
	@scripts/install-deps.sh --fuzz
	@cmake --preset fuzz -G Ninja >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@scripts/fuzz.sh build/fuzz/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf build
