#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; quick when all is there.
# Safe to run again and again (CI runs it on every build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[ensure-tools] %s\n' "$*"; }

# Rust target for the WebAssembly build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  echo "[ensure-tools] cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ] || [ "$have_runner" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}'; takes a few minutes)"
  cargo install wasm-bindgen-cli --version "=$want" --force
fi

# Debian's Chromium and ChromeDriver for the browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver from Debian"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
fi

# npm dev dependencies (binaryen's wasm-opt, typescript, webpack, playwright-core).
# Reinstall when node_modules is missing or was installed from another lockfile.
lock_hash=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
stamp=node_modules/.installed-from
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_hash" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi

say "ok: wasm-bindgen $want, $(/usr/bin/chromium --version 2>/dev/null | head -1), node $(node --version)"
