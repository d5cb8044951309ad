#!/usr/bin/env bash
# The UI's checks: npm ci, generated bindings up to date, type check, lint,
# component tests (vitest), and a production build (embedded by the app).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "ui-check: npm is missing (Node.js 20 or newer is needed)" >&2
  exit 1
fi
echo "==> UI: npm ci"
npm ci --prefix ui --no-audit --no-fund
echo "==> UI: bindings generated from the JSON Schema are current"
npm --prefix ui run bindings:check
echo "==> UI: type check"
npm --prefix ui run typecheck
echo "==> UI: lint"
npm --prefix ui run lint
echo "==> UI: component tests"
npm --prefix ui test
echo "==> UI: build"
npm --prefix ui run build
