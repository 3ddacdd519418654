#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (apt, idempotently), starts a
# throwaway PostgreSQL on 127.0.0.1, then runs `./mvnw verify` (unit, contract and integration tests,
# including the S3 contract against an s3proxy the tests start). Extra arguments go to Maven,
# e.g. scripts/test.sh -pl vault.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/install-test-deps.sh
# Assigned first, so a failure to start PostgreSQL stops here (set -e does not see into eval "$(...)").
pg_env="$(bash scripts/start-postgres.sh "${CALLVAULT_TEST_PG_DIR:-/tmp/callvault-test-pg}" "${CALLVAULT_TEST_PG_PORT:-55432}")"
eval "$pg_env"
export CALLVAULT_TEST_PG_URL CALLVAULT_TEST_PG_USER CALLVAULT_TEST_PG_PASSWORD

./mvnw -B -ntp verify "$@"

# The README's first command, as a user runs it (uses the jar `verify` just built).
bash scripts/smoke-serve.sh
