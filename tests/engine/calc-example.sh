#!/bin/sh
# calc-example.sh: ticheng-calc reproduces the worked example of the spec
# (section 5), summary and lines, byte for byte.
ex=$(cd "$top_srcdir" && pwd)/tests/engine/example
calc=$(cd "$top_builddir" && pwd)/ticheng-calc
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo 1..3
"$calc" --plan "$ex/plan.json" --orders "$ex/orders.csv" \
	--targets "$ex/targets.csv" --lines "$tmp/lines.csv" \
	>"$tmp/summary.csv" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ]; then echo "ok 1 - calc-example-exits-0"
else echo "not ok 1 - calc-example-exits-0"; echo "# exit $rc"; sed 's/^/# /' "$tmp/err"; fi
if cmp -s "$ex/summary.csv" "$tmp/summary.csv"; then
	echo "ok 2 - calc-example-summary-byte-for-byte"
else
	echo "not ok 2 - calc-example-summary-byte-for-byte"
	diff "$ex/summary.csv" "$tmp/summary.csv" | sed 's/^/# /'
fi
if cmp -s "$ex/lines.csv" "$tmp/lines.csv"; then
	echo "ok 3 - calc-example-lines-byte-for-byte"
else
	echo "not ok 3 - calc-example-lines-byte-for-byte"
	diff "$ex/lines.csv" "$tmp/lines.csv" 2>&1 | sed 's/^/# /'
fi
