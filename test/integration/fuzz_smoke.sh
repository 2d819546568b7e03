#!/usr/bin/env bash
# test/integration/fuzz_smoke.sh — a short libFuzzer run of every codec
# harness of test/fuzz/ (FUZZ_SMOKE_SECONDS each, default 3), through
# `make fuzz`, so the harnesses keep building and the seeds keep passing.
# Prints TAP: one line per harness, "not ok" on a build failure, a crash, a
# broken invariant or a run that executed nothing. clang-14 and libFuzzer
# are installed by test/run's package step; nothing is skipped.
set -u
cd "$(dirname "$0")/../.." || exit 1
secs=${FUZZ_SMOKE_SECONDS:-3}
harnesses=()
for f in test/fuzz/*.c; do
	[ -e "$f" ] || continue
	harnesses+=("$(basename "$f" .c)")
done
echo "1..${#harnesses[@]}"
[ ${#harnesses[@]} -gt 0 ] || { echo "not ok 1 - no harness in test/fuzz/"; exit 1; }
i=0
status=0
for h in "${harnesses[@]}"; do
	i=$((i + 1))
	out=$(make -s fuzz FUZZ_SECONDS="$secs" FUZZ_TARGETS="$h" 2>&1)
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build/fuzz/logs/$h.log" 2>/dev/null)
	final=$(grep -E '^#[0-9]+[[:space:]]+DONE' "build/fuzz/logs/$h.log" 2>/dev/null | sed 's/^#[0-9]*[[:space:]]*DONE[[:space:]]*//')
	if [ "$rc" -eq 0 ] && [ "${execs:-0}" -gt 0 ]; then
		echo "ok $i - fuzz $h for ${secs}s: ${execs} executions, no crash (${final})"
	else
		echo "not ok $i - fuzz $h for ${secs}s (make exit $rc, ${execs:-0} executions)"
		printf '%s\n' "$out" | sed 's/^/# /'
		status=1
	fi
done
exit $status
