#!/usr/bin/env bash
# Installs what Pactwright needs on a fresh Debian or Ubuntu machine:
# system packages from apt and a Rust toolchain. Sourced by run.sh and
# test.sh; safe to run again (it skips what is already there).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  build-essential pkg-config curl ca-certificates
  # Tauri 2 on Linux (the desktop app)
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev
  # running and driving the real window in tests
  xvfb xauth webkit2gtk-driver imagemagick
  # checking PDFs in tests
  qpdf poppler-utils
  # fallback fonts for scripts the bundled fonts do not cover
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "==> installing the Rust toolchain with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
