#!/usr/bin/env bash
# Measures the desktop app for BENCHMARKS.md: the binary's size (built with
# the profile the Debian package ships, `dist`; PROFILE=release for the
# day-to-day build), launch to
# first paint, resident memory idle and while previewing the IT service desk
# sample and a 200-page agreement, edit-to-preview latency (10-page offering
# sample, 24-page desk sample, 200-page agreement). Needs what
# scripts/e2e.sh installs (tauri-driver, WebKitWebDriver, Xvfb, e2e/node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
npm --prefix ui run build >/dev/null
PROFILE="${PROFILE:-dist}"
cargo build --profile "$PROFILE" --locked -p pactwright-app --features tauri/custom-protocol
BIN="$CARGO_TARGET_DIR/$PROFILE/pactwright-app"
BIG="$(mktemp -d)/big.agreement.json"
cargo run --release --locked --quiet --example gen_big -- "$BIG"
cp "$BIN" "$BIN.stripped" && strip "$BIN.stripped"
echo "binary: $(stat -c %s "$BIN") bytes, stripped $(stat -c %s "$BIN.stripped") bytes"
export PACTWRIGHT_BENCH="bench-$$" XDG_DATA_HOME="$(mktemp -d)"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  tauri-driver --port 4444 >/dev/null 2>&1 & TD=\$!
  sleep 1.5
  for i in 1 2 3; do node e2e/bench.mjs '$BIN'; done
  node e2e/bench.mjs '$BIN' samples/collaboration-offering.agreement.json
  node e2e/bench.mjs '$BIN' samples/it-service-desk.agreement.json
  node e2e/bench.mjs '$BIN' '$BIG'
  kill \$TD"
# Launched as a user launches it (no WebDriver, whose automation session
# adds about 0.6 s before the page loads): when the page has loaded, from
# the app's own trace (PACTWRIGHT_TRACE_START); the UI asks for its first
# frame in the same script, before the load event.
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  for i in 1 2 3 4 5; do
    PACTWRIGHT_TRACE_START=1 timeout 6 '$BIN' 2>&1 | grep '^pactwright-app: .* at ' | tr '\n' ' '; echo
  done"
