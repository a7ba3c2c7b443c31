#!/usr/bin/env bash
# Everything `npm start` and `npm test` need, each step skipped when already done:
# dependencies, geodata (from GEODATA_SOURCES), database migrations and registry, client build.
source "$(dirname "$0")/lib.sh"
ensure_node_modules
node_modules/.bin/tsx geodata/build.ts
# Migrations, unit registry, and demo data (simulated below province level, marked mô phỏng)
# unless POVMAP_DEMO=0 — one process (server/db/cli-setup.ts).
node_modules/.bin/tsx server/db/cli-setup.ts
ensure_client_build
