# tests/security/lib.sh: helpers for the shell suites of ./dev security
# (tests/security/README.md).  Source it from a suite's run script:
#   . "$TICHENG_TOP/tests/security/lib.sh"
# It reads the stack from the environment ./dev sets.

: "${TICHENG_URL:?run me through ./dev security or ./dev test}"
: "${TICHENG_STATE:?}" "${TICHENG_SOCK:?}" "${TICHENG_OUT:?}" "${TICHENG_TOP:?}"

TAP_N=0

tap_ok() {  # DESCRIPTION
	TAP_N=$((TAP_N + 1))
	printf 'ok %d - %s\n' "$TAP_N" "$1"
}

tap_not_ok() {  # DESCRIPTION [DIAGNOSTIC...]: each diagnostic as "# ..."
	TAP_N=$((TAP_N + 1))
	printf 'not ok %d - %s\n' "$TAP_N" "$1"
	shift
	local d
	for d in "$@"; do printf '%s\n' "$d" | sed 's/^/# /'; done
}

# ok when CMD succeeds, else not ok with CMD's output as diagnostics.
tap_check() {  # DESCRIPTION CMD...
	local desc=$1 out
	shift
	if out=$("$@" 2>&1); then
		tap_ok "$desc"
	else
		tap_not_ok "$desc" "$(printf '%s\n' "$out" | tail -20)"
	fi
}

# ok when ACTUAL equals EXPECTED.
tap_is() {  # DESCRIPTION ACTUAL EXPECTED
	if [ "$2" = "$3" ]; then
		tap_ok "$1"
	else
		tap_not_ok "$1" "got:      $2" "expected: $3"
	fi
}

tap_done() { printf '1..%d\n' "$TAP_N"; }

# SQL against the stack's database as root (tab-separated, no headers).
sql() {  # QUERY
	mariadb --no-defaults -S "$TICHENG_SOCK" -u root -N -B ticheng -e "$1"
}

# CHECKSUM TABLE of every table of the database, one "table checksum"
# line each, sorted: equal output, equal data.
db_checksums() {
	local t list
	list=$(sql "SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'ticheng' AND table_type = 'BASE TABLE'
		ORDER BY table_name")
	for t in $list; do
		sql "CHECKSUM TABLE \`$t\` EXTENDED" | awk '{ sub(/^ticheng\./, ""); print }'
	done
}

# Signs USER in through the real form with curl; the session cookie goes
# into the cookie jar JAR.  Fails unless the sign-in redirects.
sign_in() {  # USER JAR [PASSWORD]
	local user=$1 jar=$2 pw=${3:-ticheng} csrf code
	rm -f "$jar"
	csrf=$(curl -s -c "$jar" -b "$jar" "$TICHENG_URL/login" |
		sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	[ -n "$csrf" ] || { echo "sign_in $user: no CSRF token on /login" >&2; return 1; }
	code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
		--data-urlencode "csrf=$csrf" --data-urlencode "username=$user" \
		--data-urlencode "password=$pw" --data-urlencode "next=" \
		"$TICHENG_URL/login")
	[ "$code" = 303 ] || { echo "sign_in $user: POST /login answered $code" >&2; return 1; }
}

# The CSRF token of a signed-in session: the first one on PATH's page.
csrf_of() {  # JAR [PATH]
	curl -s -b "$1" -c "$1" "$TICHENG_URL${2:-/}" |
		sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1
}

# The HTTP status of a GET of PATH in session JAR.
status_of() {  # JAR PATH
	curl -s -o /dev/null -w '%{http_code}' -b "$1" "$TICHENG_URL$2"
}

# ./dev service ACTION NAME on this stack.
service() {  # stop|start mariadb|slapd|jobs|PROGRAM
	"$TICHENG_TOP/dev" service "$1" "$2" >/dev/null
}

# Waits until FILE exists (a hold point reached: DIR/held-NAME), at most
# SECONDS (10).
wait_for_file() {  # FILE [SECONDS]
	local i
	for i in $(seq 1 $((${2:-10} * 10))); do
		[ -e "$1" ] && return 0
		sleep 0.1
	done
	return 1
}
