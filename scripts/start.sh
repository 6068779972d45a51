#!/usr/bin/env bash
# The main job: build everything (installing what is missing), check the
# example requests in the terminal, then serve the repository on 127.0.0.1 so
# the web form is at http://127.0.0.1:${PORT:-8080}/www/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/build.sh
node scripts/check-examples.mjs examples
if [ -f www/index.html ]; then
  echo
  echo "The form: http://127.0.0.1:${PORT:-8080}/www/"
  exec node scripts/serve.mjs . "${PORT:-8080}"
fi
