#!/usr/bin/env bash
# `npm start`: set up what is missing, then serve the app on the embedded default (SQLite, demo data).
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh
exec node_modules/.bin/tsx server/main.ts
