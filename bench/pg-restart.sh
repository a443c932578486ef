#!/usr/bin/env bash
# The real thing behind tests/app/faults_db.rs (which cuts PostgreSQL off through a proxy in
# CI): restarts this machine's PostgreSQL cluster while a release `serve` is under load, and
# checks that the server recovers by itself. Run it alone: every other PostgreSQL client of
# the machine loses its connections too.
# Usage: bench/pg-restart.sh [SECONDS_OF_LOAD]   (as root or the postgres user; needs
# pg_ctlcluster, i.e. Debian's PostgreSQL server packages)
# Prints the answers seen per status code and second, and fails if any answer was not 200 or
# 503, or if the server does not answer 200 again within 10 s of PostgreSQL being back.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-30}"
ADMIN="${PASSERELLE_BENCH_POSTGRES_ADMIN:-postgres://postgres@127.0.0.1:5432/test}"
DEV="${PASSERELLE_DEV_DATA:-../shared/data/dev}"
NAME=passerelle_bench_restart
URL="${ADMIN%/*}/$NAME"
CLUSTER="$(ls /etc/postgresql | head -n1)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/passerelle-target}"
cargo build --release -q --bin passerelle
BIN="$CARGO_TARGET_DIR/release/passerelle"
DATA="$(mktemp -d)"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main start >/dev/null 2>&1 || true
  psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null
psql "$ADMIN" -qc "CREATE DATABASE $NAME" >/dev/null
export DATABASE_URL="$URL"
"$BIN" --data-dir "$DATA" import --experts "$DEV/experts.jsonl" --missions "$DEV/missions.jsonl" --projects "$DEV/projects.jsonl" >/dev/null
"$BIN" --data-dir "$DATA" reindex >/dev/null
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN" --data-dir "$DATA" serve --addr "127.0.0.1:$PORT" >"$DATA/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
START=$(date +%s)
# Four clients in a loop on pages that read the database; each line: second, status.
CLIENTS=()
for path in /healthz "/missions?q=eau" /projects /api/v1/missions; do
  (
    while [ $(($(date +%s) - START)) -lt "$SECS" ]; do
      code="$(curl -s -o /dev/null -m 10 -w '%{http_code}' "http://127.0.0.1:$PORT$path" || true)"
      echo "$(($(date +%s) - START)) $code"
    done
  ) >"$DATA/codes$(echo "$path" | tr -c 'a-z' '_')" &
  CLIENTS+=($!)
done
sleep $((SECS / 3))
echo "t=$(($(date +%s) - START)) s: restarting PostgreSQL ($CLUSTER/main)"
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main stop -m fast
sleep 3
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main start
BACK=$(($(date +%s) - START))
echo "t=$BACK s: PostgreSQL is back"
wait_ok=""
for _ in $(seq 1 50); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")" = 200 ]; then
    wait_ok="$(($(date +%s) - START))"
    break
  fi
  sleep 0.2
done
wait "${CLIENTS[@]}"
kill -0 "$SERVER" 2>/dev/null || { echo "serve exited" >&2; exit 1; }
cat "$DATA"/codes* | sort -n | uniq -c | awk '{print "t=" $2 " s  status " $3 ": " $1}' | sort -t= -k2 -n
BAD="$(cat "$DATA"/codes* | awk '$2 != 200 && $2 != 503' | wc -l)"
TOTAL="$(cat "$DATA"/codes* | wc -l)"
UNAVAILABLE="$(cat "$DATA"/codes* | awk '$2 == 503' | wc -l)"
echo "answers: $TOTAL, of which 503: $UNAVAILABLE, other than 200/503: $BAD; healthz 200 again at t=${wait_ok:-never} s (PostgreSQL back at t=$BACK s); serve restarted: no"
[ "$BAD" = 0 ] && [ -n "$wait_ok" ] && [ "$wait_ok" -le $((BACK + 10)) ]
