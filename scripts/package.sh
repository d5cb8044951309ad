#!/usr/bin/env bash
# Builds the Debian package target/debian/pactwright_<version>_amd64.deb:
# the desktop app (dist build, the UI embedded, custom-protocol), the
# `pactwright` command line, a .desktop entry and a MIME type for
# *.agreement.json (double-clicking a draft opens it), icons at the usual
# sizes and the sample drafts. Dependencies come from the shared libraries
# the binaries link (cargo-deb's $auto, through dpkg-shlibdeps).
# Installs what it needs itself (cargo-deb, dpkg-dev, imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

need=()
for p in dpkg-dev imagemagick desktop-file-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
  echo "==> installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if ! command -v cargo-deb >/dev/null 2>&1; then
  echo "==> installing cargo-deb"
  cargo install cargo-deb --locked --version '^3'
fi

echo "==> UI: build"
[ -d ui/node_modules ] && [ ui/node_modules/.package-lock.json -nt ui/package-lock.json ] || npm ci --prefix ui --no-audit --no-fund
npm --prefix ui run build

# The `dist` profile (Cargo.toml): release with fat LTO, one codegen unit
# and no symbols.
echo "==> dist build: the app (UI embedded) and the command line"
cargo build --profile dist --locked -p pactwright-app --features tauri/custom-protocol
cargo build --profile dist --locked -p pactwright --bin pactwright

echo "==> icons"
icons="$CARGO_TARGET_DIR/dist/package-icons"
for size in 16 32 48 64 128 256; do
  mkdir -p "$icons/${size}x${size}"
  convert icons/icon.png -resize "${size}x${size}" -strip "PNG32:$icons/${size}x${size}/pactwright.png"
done

desktop-file-validate packaging/pactwright.desktop

echo "==> cargo deb"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' src-tauri/Cargo.toml | head -1)
mkdir -p "$CARGO_TARGET_DIR/debian"
deb="$CARGO_TARGET_DIR/debian/pactwright_${version}_amd64.deb"
cargo deb -p pactwright-app --profile dist --no-build --locked --output "$deb"
# cargo-deb names the output as asked; make sure it is where the docs say.
if [ "$CARGO_TARGET_DIR" != "$PWD/target" ]; then
  mkdir -p target/debian && cp "$deb" target/debian/
fi
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
echo "==> built target/debian/$(basename "$deb") ($(stat -c %s "$deb") bytes)"
