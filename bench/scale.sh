#!/usr/bin/env bash
# Generates N experts (and N/10 missions), imports them on SQLite (and PostgreSQL when
# PASSERELLE_BENCH_POSTGRES_URL names an empty database), reindexes, and prints a table.
# Usage: bench/scale.sh N OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:?usage: bench/scale.sh N OUT_DIR}"
OUT="${2:?usage: bench/scale.sh N OUT_DIR}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/passerelle-target}"
cargo build --release -q --bin passerelle
BIN="$CARGO_TARGET_DIR/release/passerelle"
mkdir -p "$OUT"
"$BIN" generate --experts "$N" --missions "$((N / 10))" --projects 0 --seed 7 --dir "$OUT/gen" >/dev/null
secs() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
printf '\n| measure | SQLite | PostgreSQL |\n|---|---|---|\n'
unset DATABASE_URL
SI="$(secs "$BIN" --data-dir "$OUT/sqlite" import --experts "$OUT/gen/experts.jsonl" --missions "$OUT/gen/missions.jsonl")"
SR="$(secs "$BIN" --data-dir "$OUT/sqlite" reindex)"
PI="-"; PR="-"
if [ -n "${PASSERELLE_BENCH_POSTGRES_URL:-}" ]; then
  PI="$(DATABASE_URL="$PASSERELLE_BENCH_POSTGRES_URL" secs "$BIN" --data-dir "$OUT/pg" import --experts "$OUT/gen/experts.jsonl" --missions "$OUT/gen/missions.jsonl")"
  PR="$(DATABASE_URL="$PASSERELLE_BENCH_POSTGRES_URL" secs "$BIN" --data-dir "$OUT/pg" reindex)"
fi
printf '| import %s experts + %s missions (s) | %s | %s |\n' "$N" "$((N / 10))" "$SI" "$PI"
printf '| reindex (s) | %s | %s |\n' "$SR" "$PR"
printf '| index on disk | %s | |\n' "$(du -sh "$OUT/sqlite/index" | cut -f1)"
printf '| database on disk | %s | |\n' "$(du -sh "$OUT/sqlite/passerelle.db" | cut -f1)"
