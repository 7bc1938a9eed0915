#!/usr/bin/env bash
# Ensure the real SIP stack used by the sip-auth integration tests is installed:
#   kamailio (5.6 on Debian bookworm), kamailio-postgres-modules (db_postgres), sip-tester (sipp).
# Idempotent: prints nothing and exits 0 when everything is already present.
# Exits non-zero when the packages are missing and cannot be installed.
set -euo pipefail

PKGS=(kamailio kamailio-postgres-modules sip-tester)

have_all() {
  command -v kamailio >/dev/null 2>&1 || [ -x /usr/sbin/kamailio ] || return 1
  command -v sipp >/dev/null 2>&1 || return 1
  # db_postgres module ships in kamailio-postgres-modules
  local f
  for f in /usr/lib/*/kamailio/modules/db_postgres.so /usr/lib/kamailio/modules/db_postgres.so; do
    [ -e "$f" ] && return 0
  done
  return 1
}

if have_all; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    echo "ensure-sip: kamailio/sipp missing and not running as root (no sudo)" >&2
    exit 1
  fi
else
  SUDO=()
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-sip: apt-get not available; install ${PKGS[*]} manually" >&2
  exit 1
fi

echo "ensure-sip: installing ${PKGS[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >/dev/null || { echo "ensure-sip: apt-get update failed" >&2; exit 1; }
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null \
  || { echo "ensure-sip: apt-get install failed" >&2; exit 1; }

# Debian's kamailio package may start a system service on install; the tests run their own
# instance on a private port, so a system one is not needed (left untouched here).

if ! have_all; then
  echo "ensure-sip: packages installed but kamailio/sipp/db_postgres still not found" >&2
  exit 1
fi
echo "ensure-sip: ok" >&2
