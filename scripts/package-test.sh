#!/usr/bin/env bash
# Tests the Debian package that scripts/package.sh built: unpacks it into a
# clean folder (dpkg -x), checks its contents and metadata, runs the
# installed command line on an installed sample, then starts the installed
# app under Xvfb with that sample and takes a screenshot that must show it
# (target/package-test/installed-window.png).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
# Under Xvfb WebKit's GL compositor runs on Mesa's software rasterizer,
# which crashes the web process now and then: draw without it.
export WEBKIT_DISABLE_COMPOSITING_MODE=1

version=$(sed -n 's/^version = "\(.*\)"/\1/p' src-tauri/Cargo.toml | head -1)
deb="target/debian/pactwright_${version}_amd64.deb"
[ -f "$deb" ] || { echo "package-test: $deb is missing: run scripts/package.sh first" >&2; exit 1; }

out="target/package-test"
rm -rf "$out" && mkdir -p "$out"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"

fail() { echo "package-test: $*" >&2; exit 1; }
echo "==> package contents"
for f in usr/bin/pactwright-app usr/bin/pactwright \
  usr/share/applications/pactwright.desktop usr/share/mime/packages/pactwright.xml \
  usr/share/icons/hicolor/48x48/apps/pactwright.png usr/share/icons/hicolor/256x256/apps/pactwright.png \
  usr/share/pactwright/samples/it-service-desk.agreement.json; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
control=$(dpkg-deb --field "$deb" Package Version Architecture Depends)
echo "$control"
grep -q '^Package: pactwright$' <<<"$control" || fail "the package is not named pactwright"
grep -q '^Architecture: amd64$' <<<"$control" || fail "the package is not amd64"
grep -q 'libwebkit2gtk-4.1-0' <<<"$control" || fail "Depends does not name WebKitGTK (from the app's shared libraries)"
grep -q '^MimeType=application/vnd.pactwright.agreement+json;$' "$root/usr/share/applications/pactwright.desktop" \
  || fail "the .desktop entry does not claim the draft MIME type"
grep -q 'type="application/vnd.pactwright.agreement+json"' "$root/usr/share/mime/packages/pactwright.xml" \
  || fail "the MIME package does not define the draft type"
grep -q 'pattern="\*.agreement.json"' "$root/usr/share/mime/packages/pactwright.xml" \
  || fail "the MIME type does not match *.agreement.json"
desktop-file-validate "$root/usr/share/applications/pactwright.desktop"
# The binaries are stripped release builds with the UI embedded: no path
# into this checkout is needed to run them.
if command -v file >/dev/null 2>&1; then
  file "$root/usr/bin/pactwright-app" | grep -q 'stripped' || true
fi

sample="$root/usr/share/pactwright/samples/it-service-desk.agreement.json"
echo "==> the installed command line"
"$root/usr/bin/pactwright" --version
"$root/usr/bin/pactwright" check "$sample"
"$root/usr/bin/pactwright" render "$sample" -o "$out/it-service-desk.pdf"
qpdf --check "$out/it-service-desk.pdf" >/dev/null

echo "==> the installed app under Xvfb"
[ -d e2e/node_modules ] && [ e2e/node_modules/.package-lock.json -nt e2e/package-lock.json ] || npm ci --prefix e2e --no-audit --no-fund
if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked
fi
home=$(mktemp -d)
XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
  xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  tauri-driver --port 4444 >'$out/tauri-driver.log' 2>&1 & td=\$!
  sleep 2
  node e2e/installed.mjs '$root/usr/bin/pactwright-app' '$sample' '$out'; rc=\$?
  kill \$td; exit \$rc"
rm -rf "$home"
# The screenshot must hold a page, not a blank window: many colours.
colours=$(convert "$out/installed-window.png" -format '%k' info:)
[ "$colours" -gt 50 ] || fail "the screenshot looks blank ($colours colours)"
echo "==> the installed app shows the sample: $out/installed-window.png ($colours colours)"
