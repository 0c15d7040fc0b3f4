#!/bin/sh
# calc-explain.sh: ticheng-calc --explain REP PERIOD on hand-worked cases:
# the spec's worked example (byte for byte against a reviewed text), a
# collected rule with an over-payment and a refund, a cap that bites, an
# accelerator with the next threshold, rules that lost, and the exit
# codes of a wrong rep or period.
ex=$(cd "$top_srcdir" && pwd)/tests/engine/example
calc=$(cd "$top_builddir" && pwd)/ticheng-calc
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() {
	n=$((n + 1)); echo "not ok $n - $1"; shift
	for f in "$@"; do sed 's/^/# /' "$f"; done
}
# has FILE LINE...: every LINE is a whole line of FILE
has() {
	f=$1; shift
	for l in "$@"; do
		grep -qxF -- "$l" "$f" || { echo "missing: $l" >"$tmp/why"; return 1; }
	done
}
echo 1..12

# 1-2: the worked example, exactly as reviewed by hand (every figure of
# tests/engine/example/explain-ann-2026-03.txt is worked out in the spec's
# section 5), and its lines file still written
"$calc" --plan "$ex/plan.json" --orders "$ex/orders.csv" \
	--targets "$ex/targets.csv" --lines "$tmp/lines.csv" \
	--explain ann 2026-03 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && cmp -s "$ex/explain-ann-2026-03.txt" "$tmp/out"; then
	ok explain-worked-example-byte-for-byte
else
	diff "$ex/explain-ann-2026-03.txt" "$tmp/out" >"$tmp/diff" 2>&1
	echo "exit $rc" >>"$tmp/diff"
	notok explain-worked-example-byte-for-byte "$tmp/diff" "$tmp/err"
fi
if cmp -s "$ex/lines.csv" "$tmp/lines.csv"; then
	ok explain-still-writes-the-lines-file
else
	notok explain-still-writes-the-lines-file "$tmp/lines.csv"
fi

# 3: the explanation's stage-2 parts are the lines file's commissions
awk -F, 'NR > 1 { print "stage 2 rule all, line " $3 " " $4 ": " $9 }' \
	"$tmp/lines.csv" >"$tmp/want"
sed -n 's/^\(stage 2 rule all, line [^:]*\): .* = \([-0-9.]*\)$/\1: \2/p' \
	"$tmp/out" >"$tmp/got"
if [ -s "$tmp/got" ] && cmp -s "$tmp/want" "$tmp/got"; then
	ok explain-stage-2-parts-are-the-lines-commissions
else
	notok explain-stage-2-parts-are-the-lines-commissions "$tmp/want" "$tmp/got"
fi

# 4: collected: O1 has lines of 100.00 and 200.00; P1 pays 100.00, P2
# 250.00 of which 200.00 is credited (raw 350.00 clamped to 300.00), P3
# refunds 80.00 (raw 270.00, credited 270.00: -30.00).  B = 270.00 x 10%
cat >"$tmp/c.json" <<'J'
{"plan": "cash", "effective_from": "2026-01-01", "rules": [
 {"id": "c", "base": "collected", "rate": "10%"}]}
J
printf 'order_id,line,date,rep,quantity,amount\nO1,1,2026-04-01,ann,1,100.00\nO1,2,2026-04-01,ann,1,200.00\n' >"$tmp/c.csv"
printf 'payment_id,order_id,date,amount\nP3,O1,2026-04-25,-80.00\nP1,O1,2026-04-05,100.00\nP2,O1,2026-04-15,250.00\n' >"$tmp/p.csv"
"$calc" --plan "$tmp/c.json" --orders "$tmp/c.csv" --payments "$tmp/p.csv" \
	--explain ann 2026-04 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && has "$tmp/out" \
	"payment P2: order O1, date 2026-04-15, amount 250.00" \
	"payment P2: paid in total 100.00 -> 350.00, credited 100.00 -> 300.00 (between 0.00 and the order's 300.00): credits 200.00" \
	"payment P1, line O1 1: 100.00 x 100.00 / 300.00 = 33.33 + 0.33... fen = 33.33" \
	"payment P1, line O1 2: 100.00 x 200.00 / 300.00 = 66.66 + 0.67... fen, +1 fen = 66.67" \
	"payment P3: paid in total 350.00 -> 270.00, credited 300.00 -> 270.00 (between 0.00 and the order's 300.00): credits -30.00" \
	"payment P3, line O1 2: -30.00 x 200.00 / 300.00 = -20.00 + 0.00 fen = -20.00" \
	"line O1 1 P2: its part of payment P2: 66.67 (see payment P2)" \
	"line O1 1 P2: base collected 66.67 x share 100% = 66.67" \
	"rule c: period base 270.00 from 6 credits" \
	"rule c: rate: 270.00 x 10% = 27.00" \
	"commission: 27.00 (rounded once to the fen, half away from zero)" \
	&& grep -q "warning: payment P2 credits 200.00 of its 250.00" "$tmp/err"; then
	ok explain-collected-over-payment-and-refund
else
	notok explain-collected-over-payment-and-refund "$tmp/why" "$tmp/out" "$tmp/err"
fi

# 5: a cap that bites: 100000.00 x 10% = 10000.00, capped at 8000.00;
# a split: ann's 60% of O1
cat >"$tmp/cap.json" <<'J'
{"plan": "capped", "effective_from": "2026-01-01", "rules": [
 {"id": "a", "base": "amount", "rate": "10%"}], "cap": "8000"}
J
printf 'order_id,date,rep,quantity,amount\nO1,2026-03-05,ann:60|bob:40,1,100000\nO2,2026-03-06,ann,1,40000\n' >"$tmp/cap.csv"
"$calc" --plan "$tmp/cap.json" --orders "$tmp/cap.csv" \
	--explain ann 2026-03 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && has "$tmp/out" \
	"line O1 1: base amount 100000.00 x share 60% = 60000.00" \
	"rule a: rate: 100000.00 x 10% = 10000.00" \
	"multiplied: 10000.00 x 1 = 10000.00" \
	"cap: 8000.00, reached: the commission becomes the cap" \
	"unrounded: 8000.00" \
	"commission: 8000.00 (rounded once to the fen, half away from zero)" \
	"target: none (no attainment, accelerator or bonus)"; then
	ok explain-cap-that-bites-and-a-split
else
	notok explain-cap-that-bites-and-a-split "$tmp/why" "$tmp/out" "$tmp/err"
fi

# 6: an accelerator reached, the next one and the next bonus: sales
# 11000.00 of 10000.00 (110%): x1.2; 120% needs another 1000.00, the
# 150% bonus another 4000.00; marginal tiers crossing two bands:
# 10000 x 2% + 1000 x 5% = 250.00, x 1.2 = 300.00
cat >"$tmp/acc.json" <<'J'
{"plan": "acc", "effective_from": "2026-01-01", "rules": [
 {"id": "t", "base": "amount", "tiers": {"mode": "marginal", "bands": [
  {"upto": "10000", "rate": "2%"}, {"upto": "30000", "rate": "5%"}, {"rate": "8%"}]}}],
 "accelerators": [{"attainment": "100%", "multiplier": "1.2"},
                  {"attainment": "120%", "multiplier": "1.5"}],
 "bonuses": [{"attainment": "150%", "amount": "500"}]}
J
printf 'order_id,date,rep,quantity,amount\nO1,2026-03-05,ann,1,11000\n' >"$tmp/acc.csv"
printf 'rep,period,amount\nann,2026-03,10000\n' >"$tmp/acc-t.csv"
"$calc" --plan "$tmp/acc.json" --orders "$tmp/acc.csv" --targets "$tmp/acc-t.csv" \
	--explain ann 2026-03 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && has "$tmp/out" \
	"attainment: 110.00% (printed 110.00)" \
	"accelerator: x1.2 (100% reached)" \
	"next accelerator: another 1000.00 reaches 120% (x1.5)" \
	"rule t: band 1 (up to 10000.00) at 2%: 10000.00 x 2% = 200.00" \
	"rule t: band 2 (10000.00 to 30000.00) at 5%: 1000.00 x 5% = 50.00" \
	"rule t: rule commission 250.00" \
	"multiplied: 250.00 x 1.2 = 300.00" \
	"bonus: 0.00" \
	"next bonus: another 4000.00 reaches 150% (500.00)"; then
	ok explain-accelerator-and-next-thresholds
else
	notok explain-accelerator-and-next-thresholds "$tmp/why" "$tmp/out" "$tmp/err"
fi

# 7: rules that matched and lost, and an unmatched line
cat >"$tmp/lost.json" <<'J'
{"plan": "lost", "effective_from": "2026-01-01", "rules": [
 {"id": "a", "match": {"product_type": "hw"}, "base": "amount", "rate": "4%"},
 {"id": "b", "priority": 10, "match": {"region": "east"}, "base": "amount", "rate": "5%"},
 {"id": "c", "priority": 10, "match": {"region": "east", "product_type": "hw"}, "base": "amount", "rate": "6%"},
 {"id": "d", "priority": 10, "match": {"region": "east", "channel": "direct"}, "base": "amount", "rate": "7%"}]}
J
printf 'order_id,date,rep,product_type,region,channel,quantity,amount\nO1,2026-03-05,ann,hw,east,direct,1,1000.00\nO2,2026-03-06,ann,sw,west,web,1,50.00\n' >"$tmp/lost.csv"
"$calc" --plan "$tmp/lost.json" --orders "$tmp/lost.csv" \
	--explain ann 2026-03 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && has "$tmp/out" \
	"line O1 1: rule c (priority 10, 2 match keys) of version lost" \
	"line O1 1: also matched: d (priority 10, 2 match keys), lost on file order" \
	"line O1 1: also matched: b (priority 10, 1 match key), lost on specificity" \
	"line O1 1: also matched: a (priority 0, 1 match key), lost on priority" \
	"line O1 1: commission 60.00 (stage 2 of rule c)" \
	"line O2 1: unmatched: no rule matches, earns nothing" \
	"line O2 1: commission 0.00"; then
	ok explain-rules-lost-on-priority-specificity-file-order
else
	notok explain-rules-lost-on-priority-specificity-file-order "$tmp/why" "$tmp/out" "$tmp/err"
fi

# 8-12: a wrong rep or period is a wrong command line: exit 2, a
# message, nothing on standard output
bad() { # NAME WANT-MESSAGE ARGS...
	name=$1 want=$2; shift 2
	"$calc" --plan "$ex/plan.json" --orders "$ex/orders.csv" "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 2 ] && [ ! -s "$tmp/out" ] && grep -qF -- "$want" "$tmp/err"; then
		ok "$name"
	else
		echo "exit $rc" >"$tmp/why"
		notok "$name" "$tmp/why" "$tmp/out" "$tmp/err"
	fi
}
bad explain-rep-without-row-exits-2 \
	'ticheng-calc: --explain: rep "bob" has no commission row in period 2026-03' \
	--explain bob 2026-03
bad explain-period-without-row-exits-2 \
	'ticheng-calc: --explain: rep "ann" has no commission row in period 2026-04' \
	--explain ann 2026-04
bad explain-malformed-period-exits-2 \
	'ticheng-calc: --explain: period "2026-13": not a period label' \
	--explain ann 2026-13
bad explain-period-of-another-kind-exits-2 \
	'ticheng-calc: --explain: period "2026-Q1": not a month' \
	--explain ann 2026-Q1
bad explain-without-its-two-arguments-exits-2 \
	'ticheng-calc: --explain needs a rep and a period' \
	--explain ann
