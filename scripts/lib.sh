# Shared shell helpers for the set-up, start and test scripts. Sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '\033[1mpovmap:\033[0m %s\n' "$*" >&2; }

# Run a command as root: directly when we are root (CI, this machine), through sudo elsewhere.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "cần quyền root để cài gói hệ thống / root needed to install: $*"; return 1; fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  local recommends=--no-install-recommends
  [ "${APT_RECOMMENDS:-0}" = 1 ] && recommends=
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq $recommends "$@" >/dev/null
}

# Install npm dependencies when node_modules is missing or older than the lock file.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "cài đặt thư viện / installing dependencies"
    # `npm install`, not `npm ci`: npm 11 leaves the other platforms' optional packages of
    # msgpackr-extract (via mapshaper) out of the lock file and then `npm ci` refuses it as out of
    # sync. `npm install` follows the same lock file and tolerates that.
    npm install --no-audit --no-fund
  fi
}

# Build the client when any client source is newer than the last build.
ensure_client_build() {
  local stamp=dist/client/index.html
  if [ ! -f "$stamp" ] || [ -n "$(find client vite.config.ts package-lock.json -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    log "dựng giao diện (vite build) / building the client"
    node_modules/.bin/vite build --logLevel warn
  fi
}
