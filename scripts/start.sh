#!/usr/bin/env bash
# The main job: build everything (installing what is missing), check the
# examples (requests and a CloudFormation template) in the terminal, then
# serve the repository on 127.0.0.1 so the web form is at
# http://127.0.0.1:${PORT:-8080}/www/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/build.sh
# The command line over examples/ (requests and a CloudFormation template):
# each file's problems, then each request with the defaults filled in. Exit
# status 1 only means an example has errors (some are meant to); 2 means an
# example could not be read or parsed.
status=0
node pkg/cli/bin.mjs --defaults examples || status=$?
[ "$status" -le 1 ] || { echo "[start] the command line failed on examples/ (exit status $status)" >&2; exit 1; }
if [ -f www/index.html ]; then
  echo
  echo "The form: http://127.0.0.1:${PORT:-8080}/www/"
  exec node scripts/serve.mjs . "${PORT:-8080}"
fi
