#!/usr/bin/env bash
# `npm start`: set up what is missing, then serve the app on the embedded default (SQLite, demo data).
# Demo mode is on unless POVMAP_DEMO=0: one account per role with a published password, shown on
# the sign-in page (server/auth/demo-accounts.ts). The server refuses demo mode when
# NODE_ENV=production; real deployments use `npm run serve` and `npm run user -- add`.
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh
export POVMAP_DEMO="${POVMAP_DEMO:-1}"
exec node_modules/.bin/tsx server/main.ts
