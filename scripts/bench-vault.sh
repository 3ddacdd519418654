#!/usr/bin/env bash
# Vault benchmark: encrypted vs. unencrypted write/read throughput through the filesystem blob store in
# the same run, and the number of 8 kHz stereo streams one core encrypts. Prints a Markdown table to
# paste into docs/benchmarks.md together with the machine line it prints first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)"
./mvnw -q -B -ntp -pl server -am test -Dcallvault.test.excludedGroups=none -Dgroups=benchmark \
  -Dtest='VaultBenchmark' -Dsurefire.failIfNoSpecifiedTests=false -Dcallvault.test.redirectOutput=false 2>&1 | grep -E '^\|' || {
  echo "benchmark failed; rerun without the filter to see why" >&2; exit 1; }
