#!/usr/bin/env bash
# Installs, idempotently, the system packages the test suite needs (Debian 12, as root or with sudo).
# Installs nothing that is already present.
set -euo pipefail

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v runuser >/dev/null 2>&1 || need+=(util-linux)
# Real SIP peers and audio tools for the end-to-end call tests (see ../shared/harness/README.md).
command -v sipp >/dev/null 2>&1 || need+=(sip-tester)
command -v baresip >/dev/null 2>&1 || need+=(baresip-core)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v sox >/dev/null 2>&1 || need+=(sox libsox-fmt-all)
command -v multimon-ng >/dev/null 2>&1 || need+=(multimon-ng)
command -v curl >/dev/null 2>&1 || need+=(curl)
# dumpcap (from tshark) for the call-load benchmark's packet counts (scripts/bench-calls.sh)
command -v dumpcap >/dev/null 2>&1 || need+=(tshark)
command -v python3 >/dev/null 2>&1 || need+=(python3)

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi
