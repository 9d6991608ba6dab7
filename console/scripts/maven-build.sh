#!/usr/bin/env bash
# The console's build as ./mvnw runs it (console/pom.xml): `build` or `test`.
# Skips with a clear message when Node.js 20+ or npm is missing, so the rest of the suite still builds.
set -euo pipefail
cd "$(dirname "$0")/.."

step="${1:-build}"
min_node=20

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[console] SKIPPED: Node.js $min_node+ and npm are not on the PATH, so the console is not built;"
  echo "[console] the gateway will answer /console/ with a problem saying so. Install Node.js $min_node+ to build it."
  exit 0
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if (( major < min_node )); then
  echo "[console] SKIPPED: Node.js $(node --version) is older than $min_node; the console is not built."
  exit 0
fi

# npm ci only when node_modules was not installed from this very lock file
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
marker=node_modules/.consentgov-lock.sha256
if [[ ! -f "$marker" || "$(cat "$marker")" != "$lock_sum" ]]; then
  echo "[console] npm ci"
  npm ci --no-audit --no-fund --ignore-scripts
  echo "$lock_sum" > "$marker"
fi

case "$step" in
  build)
    echo "[console] API client from openapi/suite.json (the gateway's merged document)"
    npm run --silent generate:api
    echo "[console] type-check"
    npm run --silent typecheck
    echo "[console] lint"
    npm run --silent lint
    echo "[console] production bundle"
    npm run --silent build
    ;;
  test)
    [[ -f src/api/schema.d.ts ]] || npm run --silent generate:api
    echo "[console] unit tests (Vitest)"
    npm run --silent test
    ;;
  *)
    echo "usage: $0 build|test" >&2
    exit 2
    ;;
esac
