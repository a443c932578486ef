#!/usr/bin/env bash
# Soak: a release `serve` on a data folder from bench/scale.sh, loaded for SECONDS (default
# 300) at 200 connections over the search page and the JSON match endpoint; the server's
# resident memory is sampled every 30 s. Fails on any socket error or non-2xx answer.
# Usage: bench/soak.sh DATA [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:?usage: bench/soak.sh DATA [SECONDS]}"
SECS="${2:-300}"
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 1; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/passerelle-target}"
cargo build --release -q --bin passerelle
BIN="$CARGO_TARGET_DIR/release/passerelle"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
unset DATABASE_URL
"$BIN" --data-dir "$DATA" serve --addr "127.0.0.1:$PORT" --api-rate 100000000 >"$DATA/soak-serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
# Opening a large index takes a while (about 90 s at 1,000,000 experts): wait up to 10 minutes.
STARTED=$SECONDS
for _ in $(seq 1 3000); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
echo "serve answered after $((SECONDS - STARTED)) s"
MISSION="$(curl -sf "http://127.0.0.1:$PORT/api/v1/missions?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["ref"])')"
ORG="$(curl -sf "http://127.0.0.1:$PORT/api/v1/missions/$MISSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["institution"])')"
TOKEN="$("$BIN" --data-dir "$DATA" token --organisation "$ORG" --scope read --name soak)"
LUA="$(mktemp)"
cat >"$LUA" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
local paths = {"/missions?q=sant%C3%A9", "/api/v1/missions/$MISSION/matches?limit=10", "/projects?q=eau"}
local n = 0
request = function() n = n + 1; return wrk.format("GET", paths[(n % #paths) + 1]) end
local bad = 0
response = function(status) if status >= 300 then bad = bad + 1 end end
done = function(summary) io.write(string.format("non-2xx: %d\n", bad)) end
LUA
rss() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$SERVER/status"; }
printf '| t (s) | RSS (MB) |\n|---|---|\n| 0 | %s |\n' "$(rss)"
wrk -t2 -c200 -d"${SECS}s" --latency -s "$LUA" "http://127.0.0.1:$PORT" >"$DATA/soak-wrk.txt" 2>&1 &
WRK=$!
t=0
while kill -0 $WRK 2>/dev/null; do
  sleep 30; t=$((t + 30))
  kill -0 $WRK 2>/dev/null && printf '| %s | %s |\n' "$t" "$(rss)"
done
wait $WRK || true
printf '| end | %s |\n\n' "$(rss)"
cat "$DATA/soak-wrk.txt"
if grep -q "Socket errors" "$DATA/soak-wrk.txt" || ! grep -q "non-2xx: 0$" "$DATA/soak-wrk.txt"; then
  echo "soak: errors seen" >&2
  exit 1
fi
echo "soak: zero errors"
