#!/bin/sh
# judge-skips: a skipped test counts as explained only when its reason
# begins with an allowed word and a colon; a TODO, a bare skip or any
# other reason is not allowed (and fails a CI run of ./dev test).
judge=$top_srcdir/tests/judge-skips
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0

# verdict NAME EXPECTED LINE: EXPECTED is "allowed (WORD)" or "not allowed".
verdict() {
	n=$((n + 1))
	printf '%s\n' "$3" >"$tmp/in"
	got=$("$judge" "$tmp/in" | head -1)
	case $got in
	"$2: "*) echo "ok $n - $1" ;;
	*) echo "not ok $n - $1"; echo "# expected \"$2: ...\", got \"$got\"" ;;
	esac
}

echo "1..11"
verdict skip-with-allowed-reason-in-tap 'allowed (needs-ipv6)' \
	'ok 2 - listens on ::1 # SKIP needs-ipv6: no ::1 on this machine'
verdict skip-of-a-subtest-indented 'allowed (needs-two-cpus)' \
	'    ok 1 - race # SKIP needs-two-cpus: one here'
verdict automake-skip-line 'allowed (needs-non-root)' \
	'SKIP: tests/db/x-t 3 - x.c:t:unreadable # SKIP needs-non-root: root reads it'
verdict automake-program-skipped-with-reason 'allowed (needs-non-root)' \
	'SKIP: tests/db/x-t - needs-non-root: running as root'
verdict automake-program-skipped-without-reason 'not allowed' \
	'SKIP: tests/db/x-t'
verdict reason-not-in-the-list 'not allowed' \
	'ok 1 - oracle # SKIP python3 missing'
verdict allowed-word-without-colon 'not allowed' \
	'ok 1 - race # SKIP needs-two-cpus'
verdict skip-without-reason 'not allowed' 'ok 1 - x # SKIP'
verdict todo-never-allowed 'not allowed' \
	'not ok 4 - later # TODO needs-ipv6: some day'
verdict automake-xfail 'not allowed' 'XFAIL: tests/unit/x-t 1 - y # TODO z'

n=$((n + 1))
printf '%s\n' 'ok 1 - a # SKIP needs-ipv6: x' 'ok 2 - b # SKIP why' \
	'ok 3 - c # SKIP needs-two-cpus: y' >"$tmp/in"
if [ "$("$judge" "$tmp/in" | tail -1)" = "counts: 2 1" ]; then
	echo "ok $n - counts-allowed-and-not"
else
	echo "not ok $n - counts-allowed-and-not"
	"$judge" "$tmp/in" | sed 's/^/# /'
fi
