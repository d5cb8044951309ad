#!/usr/bin/env bash
# End-to-end tests of the desktop app: builds the UI and a debug build of
# the app with the test-only `e2e` feature (dialogs pick paths in a test
# folder), then drives the real window under Xvfb through tauri-driver and
# WebKitWebDriver (e2e/app.test.mjs, WebdriverIO).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
# Under Xvfb WebKit's GL compositor runs on Mesa's software rasterizer,
# which crashes the web process now and then: draw without it.
export WEBKIT_DISABLE_COMPOSITING_MODE=1

if ! command -v npm >/dev/null 2>&1; then
  echo "e2e: npm is missing (Node.js 20 or newer is needed)" >&2
  exit 1
fi

echo "==> UI: build"
[ -d ui/node_modules ] && [ ui/node_modules/.package-lock.json -nt ui/package-lock.json ] || npm ci --prefix ui --no-audit --no-fund
npm --prefix ui run build

echo "==> e2e: npm ci"
[ -d e2e/node_modules ] && [ e2e/node_modules/.package-lock.json -nt e2e/package-lock.json ] || npm ci --prefix e2e --no-audit --no-fund

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "==> installing tauri-driver"
  cargo install tauri-driver --locked
fi

echo "==> building the app (debug, e2e feature)"
cargo build -p pactwright-app --features e2e --locked

echo "==> end-to-end tests under Xvfb"
# A hung window must not hold the CI: the whole run has 20 minutes.
PACTWRIGHT_APP="$CARGO_TARGET_DIR/debug/pactwright-app" \
  timeout --kill-after=30 1200 xvfb-run -a -s "-screen 0 1400x900x24" npm --prefix e2e test
