#!/usr/bin/env bash
# Passerelle's matching engine side by side with a plain PostgreSQL full-text search
# (tsvector + ts_rank) on the hand-judged development set: quality and latency in one run.
# Usage: bench/fts.sh [EXTRA_EXPERTS]
#   EXTRA_EXPERTS: also import that many generated experts as distractors (default 0).
# Needs a PostgreSQL server; PASSERELLE_BENCH_POSTGRES_ADMIN names a database to connect to
# for creating the scratch database (default postgres://postgres@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA="${1:-0}"
ADMIN="${PASSERELLE_BENCH_POSTGRES_ADMIN:-postgres://postgres@127.0.0.1:5432/test}"
DEV="${PASSERELLE_DEV_DATA:-../shared/data/dev}"
NAME=passerelle_bench_fts
URL="${ADMIN%/*}/$NAME"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/passerelle-target}"
cargo build --release -q --bin passerelle --example fts_compare
BIN="$CARGO_TARGET_DIR/release/passerelle"
DATA="$(mktemp -d)"
cleanup() { psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$DATA"; }
trap cleanup EXIT
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null
psql "$ADMIN" -qc "CREATE DATABASE $NAME" >/dev/null
export DATABASE_URL="$URL"
"$BIN" --data-dir "$DATA" import --experts "$DEV/experts.jsonl" --missions "$DEV/missions.jsonl" --projects "$DEV/projects.jsonl"
if [ "$EXTRA" -gt 0 ]; then
  "$BIN" generate --experts "$EXTRA" --missions 0 --projects 0 --seed 5 --dir "$DATA/gen" >/dev/null
  "$BIN" --data-dir "$DATA" import --experts "$DATA/gen/experts.jsonl"
fi
"$BIN" --data-dir "$DATA" reindex
"$CARGO_TARGET_DIR/release/examples/fts_compare" --database-url "$URL" --data-dir "$DATA" \
  --qrels "$DEV/qrels.jsonl" --rounds "${PASSERELLE_BENCH_ROUNDS:-20}"
