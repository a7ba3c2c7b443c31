#!/usr/bin/env bash
# Everything `npm start` and `npm test` need, each step skipped when already done:
# dependencies, geodata (from GEODATA_SOURCES), database migrations and registry, client build.
source "$(dirname "$0")/lib.sh"
ensure_node_modules
node_modules/.bin/tsx geodata/build.ts
node_modules/.bin/tsx server/db/cli-migrate.ts
node_modules/.bin/tsx server/db/cli-seed.ts
# Demo data (simulated below province level, marked mô phỏng) unless demo mode is off.
if [ "${POVMAP_DEMO:-1}" != 0 ]; then node_modules/.bin/tsx server/demo/cli.ts --quiet; fi
ensure_client_build
