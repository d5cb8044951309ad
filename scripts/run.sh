#!/usr/bin/env bash
# Runs Pactwright on the example agreement: opens it in the desktop app.
# Without a display (no DISPLAY or WAYLAND_DISPLAY), checks it with the
# command line instead and shows its downtime budget.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

SAMPLE="${1:-samples/it-service-desk.agreement.json}"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  if command -v npm >/dev/null 2>&1; then
    [ -d ui/node_modules ] || npm ci --prefix ui --no-audit --no-fund
    npm --prefix ui run build >/dev/null
  fi
  cargo build --quiet --locked -p pactwright-app
  exec ./target/debug/pactwright-app "$SAMPLE"
fi

echo "(no display: showing the command line; the desktop app needs a display)"
cargo build --quiet --locked --bin pactwright
./target/debug/pactwright check "$SAMPLE" || true
echo
./target/debug/pactwright downtime 99.9% --hours "Mon-Fri 08:00-18:00" --tz Europe/London --period avg-month --period 2026-12 --holiday 2026-12-25 --holiday 2026-12-28
