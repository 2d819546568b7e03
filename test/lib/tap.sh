# test/lib/tap.sh — TAP output for the integration scripts (test/integration/).
# Source it, call ok / not_ok / check for each assertion, end with finish.
# shellcheck shell=bash

n=0
fails=0

# ok DESCRIPTION
ok() { n=$((n + 1)); echo "ok $n - $1"; }

# not_ok DESCRIPTION [DIAGNOSTIC]
not_ok() {
	n=$((n + 1)); fails=$((fails + 1))
	echo "not ok $n - $1"
	[ -n "${2:-}" ] && printf '#   %s\n' "$2"
	return 0
}

# check DESCRIPTION GOT WANT
check() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got [$2], want [$3]"; fi; }

# finish: print the plan and exit 0 only when nothing failed.
finish() { echo "1..$n"; [ "$fails" -eq 0 ]; exit $?; }

# is GOT WANT DESCRIPTION (the order of pgTAP's is); long values are cut in the diagnostic.
is() {
	if [ "$1" = "$2" ]; then ok "$3"
	else not_ok "$3"; printf '#   got:  %s\n#   want: %s\n' "${1:0:2000}" "${2:0:2000}"; fi
}

# run DESCRIPTION COMMAND...: ok when the command succeeds, else its output.
run() {
	local desc=$1 out; shift
	if out=$("$@" 2>&1); then ok "$desc"
	else not_ok "$desc"; sed 's/^/#   /' <<<"$out" | head -40; fi
}

# relay_tap [PREFIX] < TAP: another program's TAP lines renumbered into this
# script's (its plan dropped, its other lines passed through).
relay_tap() {
	local line
	while IFS= read -r line; do
		case $line in
		"ok "[0-9]*) ok "${1:+$1: }${line#ok * - }" ;;
		"not ok "[0-9]*) not_ok "${1:+$1: }${line#not ok * - }" ;;
		1..*) ;;
		*) echo "$line" ;;
		esac
	done
}
