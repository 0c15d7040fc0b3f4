#!/bin/sh
# calc-oracle.sh: ticheng-calc agrees, summary and lines byte for byte,
# with an independent exact reading of the contract in Python (fractions)
# on 150 generated inputs of every kind (oracle.py).
echo 1..1
if ! command -v python3 >/dev/null 2>&1; then
	echo "ok 1 - calc-agrees-with-independent-oracle # SKIP python3 missing"
	exit 0
fi
build=$(cd "$top_builddir" && pwd)
if out=$(python3 "$top_srcdir/tests/engine/oracle.py" "$build" 150 2>&1); then
	echo "ok 1 - calc-agrees-with-independent-oracle"
else
	echo "not ok 1 - calc-agrees-with-independent-oracle"
	printf '%s\n' "$out" | tail -20 | sed 's/^/# /'
fi
