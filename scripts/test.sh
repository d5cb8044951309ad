#!/usr/bin/env bash
# The whole test suite: installs what it needs, then runs every test of
# every crate in the workspace (unit, integration, snapshot, command line).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

# The desktop app's UI (npm ci, bindings, types, lint, vitest, build).
scripts/ui-check.sh

echo "==> test data: the CommonMark specification's examples"
npm ci --prefix tests/commonmark-spec --no-audit --no-fund

echo "==> cargo test (workspace)"
cargo test --workspace --locked

# The desktop app in a real window under Xvfb.
scripts/e2e.sh
