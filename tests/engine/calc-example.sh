#!/bin/sh
# calc-example.sh: ticheng-calc reproduces the worked example of the spec
# (section 5), summary and lines, byte for byte.
ex=$(cd "$top_srcdir" && pwd)/tests/engine/example
calc=$(cd "$top_builddir" && pwd)/ticheng-calc
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo 1..9
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
# Beyond exact computation: exit 1 with a message, nothing written.
printf 'order_id,date,rep,quantity,amount\nO1,2026-03-05,ann,1,92233720368547758.07\n' >"$tmp/big.csv"
rm -f "$tmp/lines.csv"
"$calc" --plan "$ex/plan.json" --orders "$tmp/big.csv" --lines "$tmp/lines.csv" \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$tmp/out" ] && [ ! -e "$tmp/lines.csv" ] &&
	grep -q "big.csv:2: figures too large to compute exactly" "$tmp/err"; then
	echo "ok 4 - calc-overflow-refused-with-exit-1"
else
	echo "not ok 4 - calc-overflow-refused-with-exit-1"
	echo "# exit $rc"; sed 's/^/# /' "$tmp/err"
fi
printf 'order_id,date,rep,quantity,amount\nO1,2026-03-05,ann,1,922337203685477580.70\n' >"$tmp/big.csv"
"$calc" --plan "$ex/plan.json" --orders "$tmp/big.csv" --lines "$tmp/lines.csv" \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$tmp/out" ] && [ ! -e "$tmp/lines.csv" ] &&
	grep -q 'big.csv:2: amount "922337203685477580.70": too large' "$tmp/err"; then
	echo "ok 5 - calc-number-beyond-64-bits-refused-with-exit-1"
else
	echo "not ok 5 - calc-number-beyond-64-bits-refused-with-exit-1"
	echo "# exit $rc"; sed 's/^/# /' "$tmp/err"
fi
# Warnings go to standard error, the summary still to standard output.
printf 'order_id,date,rep,product_type,quantity,amount\nO1,2025-12-05,ann,x,1,5\n' >"$tmp/early.csv"
"$calc" --plan "$ex/plan.json" --orders "$tmp/early.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && grep -q "^ann,2025-12,0.00,,,0.00,0.00,0.00$" "$tmp/out" &&
	grep -q "early.csv:2: warning: order O1 line 1: unmatched" "$tmp/err"; then
	echo "ok 6 - calc-warning-on-stderr-summary-on-stdout"
else
	echo "not ok 6 - calc-warning-on-stderr-summary-on-stdout"
	echo "# exit $rc"; sed 's/^/# /' "$tmp/out" "$tmp/err"
fi
# A run big enough for the two-thread paths (payments read beside the
# orders, lines formatted in two halves): lines add up to the summary.
awk 'BEGIN {
	print "order_id,line,date,rep,product_type,quantity,amount" > "'"$tmp"'/o.csv"
	print "payment_id,order_id,date,amount" > "'"$tmp"'/p.csv"
	for (i = 0; i < 100000; i++) {
		rep = sprintf("r%03d", i % 300)
		if (i % 7 == 0) rep = rep ":33.3333|x" (i % 5) ":66.6667"
		m = 1 + i % 12
		printf "O%d,%d,2026-%02d-%02d,%s,t,%d.%03d,%d.%02d\n", int(i / 2), 1 + i % 2, m, 1 + i % 28, rep, 1 + i % 9, i % 1000, 10 + i % 9000, i % 100 > "'"$tmp"'/o.csv"
		if (i % 2 == 0)
			printf "P%d,O%d,2026-%02d-28,%d.%02d\n", i, int(i / 2), m, 5 + i % 3000, i % 97 > "'"$tmp"'/p.csv"
	}
}'
cat >"$tmp/plan.json" <<'J'
{"plan": "big", "effective_from": "2026-01-01", "rules": [
 {"id": "c", "match": {"product_type": "t"}, "base": "collected", "rate": "3.3333%"},
 {"id": "q", "priority": -1, "base": "quantity", "per_unit": "0.07"}]}
J
"$calc" --plan "$tmp/plan.json" --orders "$tmp/o.csv" --payments "$tmp/p.csv" \
	--lines "$tmp/lines.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
bad=$(awk -F, 'FNR == 1 { next }
	FILENAME ~ /out$/ { want[$1 "," $2] = $6; next }
	{ got[$1 "," $2] += $9; n++ }
	END {
		for (k in want) if (sprintf("%.2f", got[k]) != sprintf("%.2f", want[k])) { print k; exit }
		if (n < 100000) print "only " n " lines"
	}' "$tmp/out" "$tmp/lines.csv")
if [ $rc -eq 0 ] && [ -z "$bad" ] && [ "$(grep -c '^rep,' "$tmp/lines.csv")" = 1 ]; then
	echo "ok 7 - calc-large-run-lines-add-up-to-summary"
else
	echo "not ok 7 - calc-large-run-lines-add-up-to-summary"
	echo "# exit $rc; mismatch: $bad"; head -3 "$tmp/err" | sed 's/^/# /'
fi
# A big orders file is read in two parts on two threads: a record that
# spans the middle with quoted line breaks, and the lines named in
# warnings and errors of the second part, come out as in one part.
awk 'BEGIN {
	print "order_id,date,rep,product_type,quantity,amount"
	for (i = 1; i <= 80000; i++) {
		pt = "t"
		if (i == 40000) {           # 200000 quoted line breaks
			pt = "\"t"
			for (k = 0; k < 200000; k++) pt = pt "\nx"
			pt = pt "\""
		}
		if (i == 70000) pt = "unmatched"
		printf "Q%d,2026-04-%02d,r%d,%s,1,%d.%02d\n", i, 1 + i % 28, i % 50, pt, 1 + i % 400, i % 100
	}
}' >"$tmp/q.csv"
cat >"$tmp/qplan.json" <<'J'
{"plan": "q", "effective_from": "2026-01-01", "rules": [
 {"id": "t", "match": {"product_type": "t"}, "base": "amount", "rate": "1%"},
 {"id": "x", "match": {"product_type": "t\nx"}, "base": "amount", "rate": "1%"}]}
J
"$calc" --plan "$tmp/qplan.json" --orders "$tmp/q.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
# row 70000 is on line 70001 + 200000 (the middle of the file is inside
# row 40000's quoted field)
if [ $rc -eq 0 ] && grep -q "q.csv:270001: warning: order Q70000 line 1: unmatched" "$tmp/err" &&
	[ "$(grep -c warning "$tmp/err")" = 2 ]; then
	echo "ok 8 - calc-big-file-read-in-two-parts-keeps-lines"
else
	echo "not ok 8 - calc-big-file-read-in-two-parts-keeps-lines"
	echo "# exit $rc"; head -5 "$tmp/err" | sed 's/^/# /'
fi
sed 's/^Q75000,\(.*\),1,[0-9.]*$/Q75000,\1,1,12,5/' "$tmp/q.csv" >"$tmp/q2.csv"
"$calc" --plan "$tmp/qplan.json" --orders "$tmp/q2.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] &&
	grep -q "q2.csv:275001: 7 fields where the header has 6" "$tmp/err"; then
	echo "ok 9 - calc-big-file-error-in-second-part-names-its-line"
else
	echo "not ok 9 - calc-big-file-error-in-second-part-names-its-line"
	echo "# exit $rc"; head -5 "$tmp/err" | sed 's/^/# /'
fi
