#!/bin/sh
# `make bench-audit`: badge-rules audit over N generated predictions with
# their outcomes against check --jsonl over the same documents; the
# throughput ratio and both peak RSS, at 100,000 and 1,000,000 (bounded
# memory: the audit's peak RSS stays flat as the count grows).
set -eu
BIN=target/release/badge-rules
GEN=target/release/gen-audit-history
DIR=${BENCH_AUDIT_DIR:-$(mktemp -d)}
for n in 100000 1000000; do
	"$GEN" "$n" 20 7 "$DIR/$n" 2>/dev/null
	docs=$(wc -l < "$DIR/$n/checks.jsonl")
	/usr/bin/time -f '%e %M' -o "$DIR/audit.time" "$BIN" audit --format json \
		--predictions "$DIR/$n/checks.jsonl" --outcomes "$DIR/$n/outcomes.jsonl" > "$DIR/audit.json"
	/usr/bin/time -f '%e %M' -o "$DIR/check.time" "$BIN" check --jsonl "$DIR/$n/checks.jsonl" > /dev/null || true
	read -r at am < "$DIR/audit.time"
	read -r ct cm < "$DIR/check.time"
	echo "$n applications, $docs predictions: audit ${at} s, peak RSS ${am} KiB; check --jsonl ${ct} s, peak RSS ${cm} KiB" \
		"; ratio (audit docs/s over check docs/s) $(python3 -c "print(round($ct/$at, 2))")"
	rm -rf "${DIR:?}/$n"
done
