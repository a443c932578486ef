#!/usr/bin/env bash
# HTTP load on a release build: the search page and the JSON match endpoint, 64 connections.
# Usage: bench/http.sh DATA_DIR [SECONDS]   (DATA_DIR holds an imported data set, e.g. from
# bench/scale.sh; needs `wrk` from Debian: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:?usage: bench/http.sh DATA_DIR [SECONDS]}"
SECS="${2:-20}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/passerelle-target}"
cargo build --release -q --bin passerelle
BIN="$CARGO_TARGET_DIR/release/passerelle"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$BIN" --data-dir "$DATA" serve --addr "127.0.0.1:$PORT" --api-rate 100000000 >"$DATA/bench-serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
# Opening a large index takes a while (about 90 s at 1,000,000 experts): wait up to 10 minutes.
STARTED=$SECONDS
for _ in $(seq 1 3000); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
echo "serve answered after $((SECONDS - STARTED)) s"
REF="$(curl -s "http://127.0.0.1:$PORT/api/v1/missions?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["ref"])')"
ORG="$(curl -s "http://127.0.0.1:$PORT/api/v1/missions/$REF" | python3 -c 'import json,sys; print(json.load(sys.stdin)["institution"])')"
TOKEN="$("$BIN" --data-dir "$DATA" token --organisation "$ORG" --scope read --name bench)"
LUA="$(mktemp)"
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$TOKEN" >"$LUA"
printf '\n| endpoint | requests/s | p50 | p99 | errors |\n|---|---|---|---|---|\n'
run() {
  local name="$1"; shift
  local out
  out="$(wrk -t2 -c64 -d"${SECS}s" --latency "$@")"
  local rps p50 p99 errs
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(echo "$out" | awk '$1=="50%" {print $2}')"
  p99="$(echo "$out" | awk '$1=="99%" {print $2}')"
  errs="$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')"
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${errs:-0}"
}
run "search page /missions (no text)" "http://127.0.0.1:$PORT/missions"
run "search page /missions?q=eau" "http://127.0.0.1:$PORT/missions?q=eau"
# 1,000 different searches in turn (the 100 commonest title words, pages 1 to 10): more than
# the engine remembers, so nearly every one is computed; SQLite data folders only.
if [ -f "$DATA/passerelle.db" ]; then
  WORDS="$(python3 - "$DATA/passerelle.db" <<'PY'
import collections, re, sqlite3, sys, urllib.parse
db = sqlite3.connect(sys.argv[1])
words = collections.Counter()
for (title,) in db.execute("SELECT title FROM missions WHERE status = 'published'"):
    words.update(w for w in re.findall(r"[^\W\d_]+", title.lower()) if len(w) >= 4)
print(",".join('"%s"' % urllib.parse.quote(w) for w, _ in words.most_common(100)))
PY
)"
  SEARCHES="$(mktemp)"
  cat >"$SEARCHES" <<LUA
local words = {$WORDS}
local n = math.random(#words * 10)
request = function()
  n = n % (#words * 10) + 1
  local word = words[(n - 1) % #words + 1]
  local page = math.floor((n - 1) / #words) + 1
  return wrk.format("GET", "/missions?q=" .. word .. "&page=" .. page)
end
LUA
  run "search page, 1,000 different searches in turn" -s "$SEARCHES" "http://127.0.0.1:$PORT/"
  rm -f "$SEARCHES"
fi
run "JSON matches /api/v1/missions/$REF/matches" -s "$LUA" "http://127.0.0.1:$PORT/api/v1/missions/$REF/matches"
# The same endpoint over every mission of that institution in turn (at most 1,000), so that
# rankings are computed, not only served from memory; SQLite data folders only.
if [ -f "$DATA/passerelle.db" ]; then
  REFS="$(python3 - "$DATA/passerelle.db" "$REF" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT ref FROM missions WHERE organisation_id = (SELECT organisation_id FROM missions WHERE ref = ?) "
    "AND status = 'published' ORDER BY ref LIMIT 1000", (sys.argv[2],)).fetchall()
print(",".join('"%s"' % r[0] for r in rows))
PY
)"
  ROTATE="$(mktemp)"
  cat "$LUA" >"$ROTATE"
  cat >>"$ROTATE" <<LUA
local refs = {$REFS}
local n = math.random(#refs)
request = function()
  n = n % #refs + 1
  return wrk.format("GET", "/api/v1/missions/" .. refs[n] .. "/matches")
end
LUA
  COUNT="$(echo "$REFS" | tr ',' '\n' | grep -c .)"
  run "JSON matches, $COUNT missions in turn" -s "$ROTATE" "http://127.0.0.1:$PORT/"
  # The same missions with limits 11 to 20: ten times as many distinct rankings as missions,
  # more than the engine remembers (1,024), so every ranking is computed.
  COLD="$(mktemp)"
  cat "$LUA" >"$COLD"
  cat >>"$COLD" <<LUA
local refs = {$REFS}
local n = math.random(#refs * 10)
request = function()
  n = n % (#refs * 10) + 1
  local ref = refs[(n - 1) % #refs + 1]
  local limit = 10 + math.floor((n - 1) / #refs) + 1
  return wrk.format("GET", "/api/v1/missions/" .. ref .. "/matches?limit=" .. limit)
end
LUA
  run "JSON matches, every ranking computed ($COUNT missions x limits 11-20)" -s "$COLD" "http://127.0.0.1:$PORT/"
  rm -f "$ROTATE" "$COLD"
fi
echo
echo "serve RSS after the load: $(grep VmRSS /proc/$SERVER/status | awk '{print $2/1024 " MB"}')"
rm -f "$LUA"
