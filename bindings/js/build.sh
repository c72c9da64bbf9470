#!/usr/bin/env bash
# Builds the wasm package twice into bindings/js/dist/ (git-ignored):
#   dist/node  the Node.js build (CommonJS; reads santei_bg.wasm from disk when loaded)
#   dist/web   the web build (ES module; call init() / initSync() before use)
# Nothing is downloaded: `--mode no-install` makes wasm-pack use the wasm-bindgen CLI on PATH
# (its version must equal the wasm-bindgen crate version in Cargo.lock; scripts/test-node
# installs it) and the installed wasm32-unknown-unknown target; wasm-opt is off (`--no-opt`, and
# `wasm-opt = false` in wasm/Cargo.toml).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

out=bindings/js/dist
rm -rf "$out"
build() { # TARGET DIR MODULE_TYPE
  # wasm-pack resolves --out-dir relative to the crate folder (wasm/).
  wasm-pack build wasm --release --mode no-install --no-opt --no-pack --no-gitignore \
    --target "$1" --out-dir "../$out/$2" --out-name santei
  # Tells Node how to load the folder's .js, whatever the package's own "type".
  printf '{\n  "type": "%s"\n}\n' "$3" >"$out/$2/package.json"
}
build nodejs node commonjs
build web web module
