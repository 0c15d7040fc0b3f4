#!/bin/sh
# calc-bad-input.sh: every kind of bad input of section 4 of the contract
# makes ticheng-calc exit 2, name the file and the line (or JSON path) on
# standard error, write nothing to standard output and leave no lines file.
calc=$(cd "$top_builddir" && pwd)/ticheng-calc
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0

# good inputs, overridden one at a time
good() {
	rm -rf "$tmp/in" && mkdir "$tmp/in" && cd "$tmp/in" || exit 1
	cat >plan.json <<'J'
{"plan": "p", "effective_from": "2026-01-01",
 "rules": [
  {"id": "m", "match": {"product": "m"}, "base": "margin", "rate": "5%"},
  {"id": "a", "base": "amount", "rate": "4%"}
 ]}
J
	printf 'order_id,line,date,rep,product,quantity,amount,cost,status\n' >orders.csv
	printf 'O1,1,2026-03-05,ann,x,1,100.00,,booked\n' >>orders.csv
	printf 'O1,2,2026-03-06,ann:60|bob:40,x,2,50,,\n' >>orders.csv
	printf 'payment_id,order_id,date,amount\nP1,O1,2026-03-09,20\n' >payments.csv
	printf 'rep,period,amount\nann,2026-03,1000\n' >targets.csv
}

# check NAME EXPECTED-STDERR-SUBSTRING [ARGS...]: runs with the files in
# $tmp/in (default arguments when none given)
check() {
	name=$1 want=$2
	shift 2
	n=$((n + 1))
	[ $# -eq 0 ] && set -- --plan plan.json --orders orders.csv \
		--payments payments.csv --targets targets.csv
	rm -f "$tmp/out" "$tmp/err" "$tmp/lines.csv"
	"$calc" "$@" --lines "$tmp/lines.csv" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	why=
	[ $rc -eq 2 ] || why="exit $rc, not 2"
	[ -s "$tmp/out" ] && why="$why; standard output not empty"
	[ -e "$tmp/lines.csv" ] && why="$why; lines file created"
	ls -a "$tmp" | grep -q '^\.ticheng-calc-' && why="$why; temporary file left"
	grep -qF -- "$want" "$tmp/err" || why="$why; stderr lacks \"$want\""
	if [ -z "$why" ]; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		echo "# $why"
		sed 's/^/# stderr: /' "$tmp/err"
	fi
}

# ed_orders SED-SCRIPT: edits orders.csv
ed_file() { sed "$2" "$1" >"$1.new" && mv "$1.new" "$1"; }
plan() { cat >plan.json; }
P='{"plan": "p", "effective_from": "2026-01-01", "rules": ['

echo 1..62

good; check calc-no-arguments-refused "usage:" --orders orders.csv
good; check calc-unknown-option-refused 'unknown option "--orderz"' \
	--plan plan.json --orderz orders.csv
good; check calc-missing-orders-option-refused "--orders is required" \
	--plan plan.json
good; check calc-unreadable-input-refused "nope.csv: cannot read" \
	--plan plan.json --orders nope.csv
good; check calc-orders-given-twice-refused "--orders given twice" \
	--plan plan.json --orders orders.csv --orders orders.csv

# CSV structure
good; ed_file orders.csv '1s/,amount,/,amnt,/'
check calc-missing-required-column-refused 'orders.csv:1: missing column "amount"'
good; ed_file orders.csv '1s/,cost,/,date,/'
check calc-header-names-column-twice-refused 'orders.csv:1: column "date" named twice'
good; ed_file orders.csv '3s/,$/,,x/'
check calc-field-count-mismatch-refused "orders.csv:3: 10 fields where the header has 9"
good; ed_file orders.csv '2s/O1,/O"1,/'
check calc-stray-quote-refused "orders.csv:2: stray quote"
good; printf '"O2,1,2026-03-05,ann,x,1,1,,\n' >>orders.csv
check calc-unclosed-quote-refused "orders.csv:4: quoted field not closed"
good; printf 'O3,1,2026-03-05,ann,x,1,1,,\rO4\n' >>orders.csv
check calc-bare-carriage-return-refused "orders.csv:4: carriage return not followed by a line feed"
good; printf 'O3,1,2026-03-05,ann,x,1,1,,\n"Q\nR",1,2026-03-05,ann,x,1,"12,5",,\n' >>orders.csv
check calc-multiline-record-named-by-first-line 'orders.csv:5: amount "12,5": not a number'

# fields
good; ed_file orders.csv '3s/ann:60|bob:40//'
check calc-missing-required-field-refused "orders.csv:3: rep: empty"
good; ed_file orders.csv '2s/100.00/"12,5"/'
check calc-unparsable-number-refused 'orders.csv:2: amount "12,5": not a number'
good; ed_file orders.csv '2s/100.00/ 100.00/'
check calc-number-with-space-refused 'orders.csv:2: amount " 100.00": not a number'
good; ed_file orders.csv '2s/100.00/1.234/'
check calc-too-many-decimals-refused 'orders.csv:2: amount "1.234": too many decimals'
good; ed_file orders.csv '2s/,1,100.00/,1.0001,100.00/'
check calc-quantity-four-decimals-refused 'orders.csv:2: quantity "1.0001": too many decimals'
good; ed_file orders.csv '2s/2026-03-05/2026-02-30/'
check calc-unparsable-date-refused 'orders.csv:2: date "2026-02-30": not a date'
good; ed_file orders.csv '3s/ann:60|bob:40/ann:0|bob:100/'
check calc-split-share-not-positive-refused "orders.csv:3: rep \"ann:0|bob:100\": share not positive"
good; ed_file orders.csv '3s/ann:60|bob:40/ann:50|ann:50/'
check calc-split-reps-not-distinct-refused 'orders.csv:3: rep "ann:50|ann:50": rep "ann" named twice'
good; ed_file orders.csv '3s/ann:60|bob:40/ann:60|bob:30/'
check calc-split-shares-not-summing-to-100-refused 'orders.csv:3: rep "ann:60|bob:30": shares do not sum to 100'
good; ed_file orders.csv '3s/ann:60|bob:40/ann:33.33333|bob:66.66667/'
check calc-split-share-five-decimals-refused 'orders.csv:3: rep "ann:33.33333|bob:66.66667": share "33.33333": too many decimals'
good; ed_file orders.csv '3s/O1,2,/O1,1,/'
check calc-duplicate-order-line-refused 'orders.csv:3: order_id "O1" line 1: repeated'
good; ed_file orders.csv '3s/O1,2,/O1,01,/'
check calc-duplicate-order-line-as-number-refused 'orders.csv:3: order_id "O1" line 1: repeated'
good; ed_file orders.csv '3s/O1,2,/O1,0,/'
check calc-line-number-zero-refused 'orders.csv:3: line "0": not a positive integer'
good; ed_file orders.csv '3s/O1,2,/O1,1.5,/'
check calc-line-number-not-integer-refused 'orders.csv:3: line "1.5": not a positive integer'
good; ed_file orders.csv '2s/booked/Booked/'
check calc-unknown-status-refused 'orders.csv:2: status "Booked": neither booked nor cancelled'
good; ed_file orders.csv '2s/,x,1,100.00,,/,m,1,100.00,,/'
check calc-missing-cost-under-margin-rule-refused 'orders.csv:2: cost: missing (rule "m" has base margin)'
good; printf 'P1,O1,2026-03-10,5\n' >>payments.csv
check calc-duplicate-payment-id-refused 'payments.csv:3: payment_id "P1": repeated'
good; printf 'P2,O9,2026-03-10,5\n' >>payments.csv
check calc-payment-for-unknown-order-refused 'payments.csv:3: order_id "O9": no such order'
good; printf 'bob,2026-3,100\n' >>targets.csv
check calc-malformed-target-period-refused 'targets.csv:3: period "2026-3": not a period label'
good; printf 'bob,2026-04,0\n' >>targets.csv
check calc-non-positive-target-refused 'targets.csv:3: amount "0": a target must be greater than 0'
good; printf 'ann,2026-03,5\n' >>targets.csv
check calc-duplicate-target-refused 'targets.csv:3: target for rep "ann" period 2026-03: repeated'
good; printf 'ann,2026-Q1,5\nann,2026-Q1,6\n' >>targets.csv
check calc-duplicate-ignored-target-refused 'targets.csv:4: target for rep "ann" period 2026-Q1: repeated'

# plan
good; printf '{"plan": "p",\n "effective_from": "2026-01-01",\n "rules": [,]}\n' | plan
check calc-invalid-json-names-line "plan.json:3:"
good; printf '{"plan": "p",\n "plan": "q",\n "effective_from": "2026-01-01", "rules": []}\n' | plan
check calc-repeated-json-key-refused "plan.json:2: duplicate object key"
good; echo "$P"'{"id": "a", "prioirty": 1, "base": "amount", "rate": "1%"}]}' | plan
check calc-unknown-json-key-refused "plan.json: rules[0].prioirty: unknown key"
good; echo '{"plan": "p", "effective_from": "2026-01-01"}' | plan
check calc-missing-json-key-refused "plan.json: rules: missing"
good; echo "$P"'{"id": "a", "priority": "1", "base": "amount", "rate": "1%"}]}' | plan
check calc-wrong-json-type-refused "plan.json: rules[0].priority: a string, not an integer"
good; echo "$P"'{"base": "amount", "rate": "1%"}]}' | plan
check calc-rule-without-id-refused "plan.json: rules[0].id: missing"
good; echo "$P"'{"id": "a", "base": "amount", "rate": "1%"}, {"id": "a", "base": "amount", "rate": "2%"}]}' | plan
check calc-duplicate-rule-id-refused 'plan.json: rules[1].id: "a" repeated'
good; echo "$P"'{"id": "a", "base": "amount"}]}' | plan
check calc-rule-without-rate-refused "plan.json: rules[0]: none of rate, per_unit and tiers"
good; echo "$P"'{"id": "a", "base": "amount", "rate": "1%", "tiers": {"mode": "whole", "bands": [{"rate": "1%"}]}}]}' | plan
check calc-rule-with-several-rates-refused "plan.json: rules[0]: several of rate, per_unit and tiers"
good; echo "$P"'{"id": "a", "base": "amount", "per_unit": "1"}]}' | plan
check calc-per-unit-on-money-base-refused "plan.json: rules[0].per_unit: needs base quantity"
good; echo "$P"'{"id": "a", "base": "quantity", "tiers": {"mode": "whole", "bands": [{"rate": "1%"}]}}]}' | plan
check calc-tiers-on-quantity-base-refused "plan.json: rules[0].tiers: needs a money base"
good; echo "$P"'{"id": "a", "base": "amount", "tiers": {"mode": "whole", "bands": [{"upto": "5", "rate": "1%"}, {"upto": "4", "rate": "1%"}, {"rate": "1%"}]}}]}' | plan
check calc-bands-not-ascending-refused "plan.json: rules[0].tiers.bands[1].upto: not above the previous band's"
good; echo "$P"'{"id": "a", "base": "amount", "tiers": {"mode": "whole", "bands": [{"upto": "0", "rate": "1%"}, {"rate": "1%"}]}}]}' | plan
check calc-first-upto-not-above-zero-refused "plan.json: rules[0].tiers.bands[0].upto: not above 0"
good; echo "$P"'{"id": "a", "base": "amount", "tiers": {"mode": "whole", "bands": [{"upto": "5", "rate": "1%"}]}}]}' | plan
check calc-upto-on-last-band-refused "plan.json: rules[0].tiers.bands[0].upto: the last band has no upto"
good; echo "$P"'{"id": "a", "base": "amount", "tiers": {"mode": "whole", "bands": [{"rate": "1%"}, {"rate": "2%"}]}}]}' | plan
check calc-missing-upto-refused "plan.json: rules[0].tiers.bands[0].upto: missing"
good; echo "$P"'{"id": "a", "base": "amount", "tiers": {"bands": [{"rate": "1%"}]}}]}' | plan
check calc-missing-tier-mode-refused "plan.json: rules[0].tiers.mode: missing"
good; echo "$P"'{"id": "a", "base": "amount", "rate": "-1%"}]}' | plan
check calc-negative-rate-refused "plan.json: rules[0].rate: negative"
good; echo "$P"'], "accelerators": [{"attainment": "100%", "multiplier": "-1"}]}' | plan
check calc-negative-multiplier-refused "plan.json: accelerators[0].multiplier: negative"
good; echo "$P"'], "cap": "-5", "bonuses": []}' | plan
check calc-negative-cap-refused "plan.json: cap: negative"
good; echo "$P"'], "bonuses": [{"attainment": "100%", "amount": "5"}, {"attainment": "100%", "amount": "6"}]}' | plan
check calc-repeated-threshold-refused "plan.json: bonuses[1].attainment: repeated threshold"
good; echo '{"plan": "p", "effective_from": "2026-01-15", "rules": []}' | plan
check calc-effective-date-off-period-boundary-refused "plan.json: effective_from: not the first day of a month"
good; echo '{"plan": "q", "effective_from": "2026-02-01", "rules": []}' >plan2.json
check calc-overlapping-versions-refused 'plan2.json: effective_from: range overlaps version "p"' \
	--plan plan.json --plan plan2.json --orders orders.csv
good; echo '{"plan": "q", "effective_from": "2027-01-01", "period": "year", "rules": []}' >plan2.json
check calc-mixed-period-kinds-refused 'plan2.json: period: "year" differs' \
	--plan plan.json --plan plan2.json --orders orders.csv
good; echo '{"plan": "q", "currency": "USD", "effective_from": "2027-01-01", "rules": []}' >plan2.json
check calc-mixed-currencies-refused 'plan2.json: currency: "USD" differs' \
	--plan plan.json --plan plan2.json --orders orders.csv

# the same refusal in a big file (credited on two threads): the first
# offending row is named, whichever half it is in
big_orders() {
	awk -v bad1="$1" -v bad2="$2" 'BEGIN {
		print "order_id,line,date,rep,product,quantity,amount,cost,status"
		for (i = 1; i <= 1000; i++)
			printf "B%d,1,2026-03-05,ann,%s,1,10,%s,\n", i,
			    (i == bad1 || i == bad2) ? "m" : "x", (i == bad1 || i == bad2) ? "" : "1"
	}' >orders.csv
}
good; big_orders 900 0
check calc-big-file-missing-cost-in-second-half-refused 'orders.csv:901: cost: missing'
good; big_orders 300 900
check calc-big-file-first-missing-cost-named 'orders.csv:301: cost: missing'
# duplicates in big files (checked on two threads): orders' first
big_pays() {
	awk -v dupo="$1" -v dupp="$2" 'BEGIN {
		print "order_id,line,date,rep,quantity,amount" > "orders.csv"
		print "payment_id,order_id,date,amount" > "payments.csv"
		for (i = 1; i <= 1000; i++) {
			printf "B%d,1,2026-03-05,ann,1,10\n", (i == dupo ? 1 : i) > "orders.csv"
			printf "P%d,B%d,2026-03-09,5\n", (i == dupp ? 1 : i), i > "payments.csv"
		}
	}'
}
good; big_pays 0 800
check calc-big-file-duplicate-payment-refused 'payments.csv:801: payment_id "P1": repeated'
good; big_pays 900 800
check calc-big-file-duplicate-order-line-named-before-payments 'orders.csv:901: order_id "B1" line 1: repeated'
