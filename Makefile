# hdh_roadmap — PGXS build.
#
#   make && make install     build and install the extension
#   make installcheck        pg_regress tests in test/sql/ against a running server
#   make unit                C unit tests of src/core/, no server needed
#   make prove               pgTAP tests in test/pgtap/ against a running server
#   make check-asan          test/run --asan: every suite, ASan + UBSan build
#   make check-valgrind      test/run --valgrind: every suite, server under valgrind
#   make check-cassert       test/run --cassert: every suite, server built with assertions
#
# The version is defined once, in hdh_roadmap.control.

EXTENSION  = hdh_roadmap
EXTVERSION = $(shell sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" $(EXTENSION).control)

MODULE_big = $(EXTENSION)
CORE_SRCS  = $(sort $(wildcard src/core/*.c))
OBJS       = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)) $(CORE_SRCS))

# The install script is the ordered parts of src/sql/ concatenated; the
# upgrade scripts (ALTER EXTENSION ... UPDATE) come from src/sql/updates/.
# Both go through src/sql/include.awk, which expands "--@include" lines (the
# queries of src/sql/queries/, written once for a view and its function, and
# the aggregate definitions of src/sql/aggregates/, shared with the upgrade).
SQL_PARTS   = $(sort $(wildcard src/sql/[0-9]*.sql))
SQL_QUERIES = $(sort $(wildcard src/sql/queries/*.sql src/sql/aggregates/*.sql))
UPDATES     = $(notdir $(sort $(wildcard src/sql/updates/$(EXTENSION)--*--*.sql)))
DATA_built  = $(EXTENSION)--$(EXTVERSION).sql $(UPDATES)
# Frozen install scripts of earlier releases (CREATE EXTENSION ... VERSION).
DATA        = $(filter-out src/sql/releases/$(EXTENSION)--$(EXTVERSION).sql, \
                           $(sort $(wildcard src/sql/releases/$(EXTENSION)--*.sql)))

# Each concern lists its own tests on its own line.
REGRESS_PROGRESS = progress

REGRESS_DELAY = delay_summary_io delay_summary_stats delay_summary_km delay_summary_agg \
                delay_summary_parallel delay_summary_errors

REGRESS_YEARS = year_counts_io year_counts_accessors year_counts_agg year_counts_parallel

REGRESS_TABLES =

REGRESS_VIEWS = scorecard_time scorecard_scenario scorecard_deadline measures indicator_series access_delay \
                scorecard_refresh

REGRESS_MONITORING = monitoring

REGRESS_MOVING = moving_aggregates

REGRESS_HARDEN = summary_equality

REGRESS_NETWORK = network

REGRESS_REPORT = report

REGRESS      = extension_lifecycle $(REGRESS_PROGRESS) $(REGRESS_DELAY) \
               $(REGRESS_YEARS) $(REGRESS_TABLES) $(REGRESS_VIEWS) $(REGRESS_MONITORING) $(REGRESS_MOVING) $(REGRESS_HARDEN) \
               $(REGRESS_NETWORK) $(REGRESS_REPORT)
REGRESS_OPTS = --inputdir=test --load-extension=$(EXTENSION)

PG_CPPFLAGS += -Isrc
# Warnings are errors in test/run and CI (WERROR=1), not for every user who builds.
PG_CFLAGS   += -Wall -Wextra $(if $(filter 1,$(WERROR)),-Werror)
EXTRA_CLEAN = build

PG_CONFIG ?= pg_config
# The core's HDH_ASSERT (src/core/invariant.h) is on where the server's
# Assert() is: when the server was configured with --enable-cassert.
HDH_CASSERT := $(findstring --enable-cassert,$(shell $(PG_CONFIG) --configure 2>/dev/null))
PG_CPPFLAGS += $(if $(HDH_CASSERT),-DHDH_ASSERT_CHECKING)
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Without the server's --enable-depend, PGXS does not track headers: every
# object depends on every header of ours, so a changed struct rebuilds all.
$(OBJS): $(wildcard src/*.h src/core/*.h)

$(EXTENSION)--$(EXTVERSION).sql: $(SQL_PARTS) $(SQL_QUERIES) src/sql/include.awk $(EXTENSION).control
	{ printf -- '-- hdh_roadmap %s install script, generated from src/sql/ by make: do not edit.\n' '$(EXTVERSION)'; \
	  for f in $(SQL_PARTS); do printf '\n-- ---- %s ----\n' "$$f"; awk -f src/sql/include.awk "$$f" || exit 1; done; } > $@.tmp
	mv $@.tmp $@

$(UPDATES): %.sql: src/sql/updates/%.sql $(SQL_PARTS) $(SQL_QUERIES) src/sql/include.awk
	awk -f src/sql/include.awk $< > $@.tmp
	mv $@.tmp $@

# ---- C unit tests of src/core/ (plain C, no server headers) ----------------
UNIT_CC     ?= $(CC)
UNIT_CFLAGS ?= -std=c99 -O1 -g -Wall -Wextra -Werror -DHDH_ASSERT_CHECKING -Isrc -Itest/lib
UNIT_TESTS   = $(patsubst test/unit/%.c,build/unit/%,$(sort $(wildcard test/unit/test_*.c)))

build/unit/%: test/unit/%.c test/unit/unit.h test/lib/core_test.h $(CORE_SRCS) $(wildcard src/core/*.h)
	@mkdir -p build/unit
	$(UNIT_CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_SRCS) -lm

.PHONY: unit prove
unit: $(UNIT_TESTS)
	@status=0; for t in $(UNIT_TESTS); do echo "# $$t"; $$t || status=1; done; exit $$status

# pgTAP: the server is found through the usual PGHOST/PGPORT/PGUSER variables.
prove:
	pg_prove --verbose --ext .sql -r test/pgtap

# Memory checks of the whole suite (doc/testing.md); test/run builds, installs
# into a throwaway copy of PostgreSQL and cleans up by itself.
.PHONY: check-asan check-valgrind check-cassert
check-asan:
	test/run --asan

check-valgrind:
	test/run --valgrind

check-cassert:
	test/run --cassert

# ---- libFuzzer harnesses of the codecs (test/fuzz/, see its README.md) ----
# make fuzz runs each harness FUZZ_SECONDS on a fresh copy of its seed corpus
# and fails if any of them finds a crash; FUZZ_TARGETS picks some harnesses.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang-14
FUZZ_CFLAGS  ?= -std=c99 -g -O1 -Wall -Wextra -Werror -DHDH_ASSERT_CHECKING \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Isrc -Itest/lib
FUZZ_ARGS    ?=
FUZZ_ENV     ?= $(if $(wildcard /usr/lib/llvm-14/bin/llvm-symbolizer),ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer)
FUZZ_TARGETS ?= $(patsubst test/fuzz/%.c,%,$(sort $(wildcard test/fuzz/*.c)))

build/fuzz/bin/%: test/fuzz/%.c $(wildcard test/fuzz/*.h) test/lib/core_test.h $(CORE_SRCS) $(wildcard src/core/*.h)
	@mkdir -p build/fuzz/bin
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(CORE_SRCS) -lm

.PHONY: fuzz
fuzz: $(addprefix build/fuzz/bin/,$(FUZZ_TARGETS))
	@status=0; for t in $(FUZZ_TARGETS); do \
	  rm -rf build/fuzz/corpus/$$t build/fuzz/artifacts/$$t; \
	  mkdir -p build/fuzz/corpus/$$t build/fuzz/artifacts/$$t build/fuzz/logs; \
	  cp test/fuzz/corpus/$$t/* build/fuzz/corpus/$$t/; \
	  echo "# fuzz $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_ENV) build/fuzz/bin/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/artifacts/$$t/ $(FUZZ_ARGS) \
	    build/fuzz/corpus/$$t >build/fuzz/logs/$$t.log 2>&1; \
	  rc=$$?; \
	  found=$$(ls build/fuzz/artifacts/$$t | wc -l); \
	  grep -E '^(stat::number_of_executed_units|stat::new_units_added)|^#[0-9]+.*DONE' build/fuzz/logs/$$t.log; \
	  if [ $$rc -ne 0 ] || [ $$found -ne 0 ]; then \
	    status=1; echo "# fuzz $$t FAILED (exit $$rc, $$found artifacts in build/fuzz/artifacts/$$t/)"; \
	    tail -n 60 build/fuzz/logs/$$t.log; \
	  else echo "# fuzz $$t ok"; fi; \
	done; exit $$status
