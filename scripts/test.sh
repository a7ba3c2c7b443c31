#!/usr/bin/env bash
# `npm test`: set up, then unit tests, API tests on SQLite and on PostgreSQL, browser tests.
# Installs Debian's chromium and postgresql when missing (root or sudo needed for that).
source "$(dirname "$0")/lib.sh"
source scripts/postgres.sh
bash scripts/setup.sh

log "kiểm thử đơn vị / unit tests"
node_modules/.bin/vitest run --project unit

log "kiểm thử API trên SQLite / API tests on SQLite"
env -u DATABASE_URL POVMAP_TEST_DIALECTS=sqlite node_modules/.bin/vitest run --project api

if [ -z "${DATABASE_URL:-}" ]; then start_test_postgres; fi
log "kiểm thử API trên PostgreSQL / API tests on PostgreSQL"
POVMAP_TEST_DIALECTS=postgres node_modules/.bin/vitest run --project api

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  log "cài Chromium (Debian) / installing Chromium"
  # As STACK.md's recipe (with Recommends), plus DejaVu, whose Sans covers Vietnamese diacritics.
  APT_RECOMMENDS=1 apt_install chromium fonts-dejavu-core
fi
export CHROMIUM_PATH
log "kiểm thử trình duyệt / browser tests"
# The browser tests run against the embedded default (SQLite), like `npm start`.
env -u DATABASE_URL node_modules/.bin/playwright test
