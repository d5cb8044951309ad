#!/usr/bin/env bash
# Runs Pactwright on the example agreement: checks it the way a reviewer
# would and shows its downtime budget.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh

SAMPLE="${1:-samples/it-service-desk.agreement.json}"
cargo build --quiet --locked --bin pactwright
./target/debug/pactwright check "$SAMPLE" || true
echo
./target/debug/pactwright downtime 99.9% --hours "Mon-Fri 08:00-18:00" --tz Europe/London --period avg-month --period 2026-12 --holiday 2026-12-25 --holiday 2026-12-28
