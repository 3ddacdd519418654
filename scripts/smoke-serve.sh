#!/usr/bin/env bash
# Checks the README's first command the way a user runs it: `bin/callvault serve` on embedded defaults in
# an empty directory answers GET /healthz, and stops cleanly on SIGTERM. Uses a temporary data directory
# and a free port on 127.0.0.1. Exit 0 when both checks pass.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/callvault-smoke.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
passed=0; failed=0
check() { if [ "$1" = 0 ]; then echo "PASS: $2"; passed=$((passed+1)); else echo "FAIL: $2"; failed=$((failed+1)); fi; }

cd "$WORK"
CALLVAULT_HTTP_PORT="$PORT" timeout 120 "$ROOT/bin/callvault" serve >serve.log 2>&1 &
PID=$!
ok=1
for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$PORT/healthz" 2>/dev/null | grep -q '"ok"'; then ok=0; break; fi
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
check $ok "bin/callvault serve answers /healthz on embedded defaults (data in ./data)"
kill -TERM "$PID" 2>/dev/null
wait "$PID"; rc=$?
[ "$rc" = 143 ] && grep -q "Stopped" serve.log && [ -f data/catalog.db ] && [ -f data/keyring.properties ]
check $? "SIGTERM stops it cleanly (exit $rc)"
[ "$failed" = 0 ] || { echo "--- serve.log"; cat serve.log; }
rm -rf "$WORK"
echo "smoke-serve: $passed of $((passed+failed)) checks passed"
[ "$failed" = 0 ]
