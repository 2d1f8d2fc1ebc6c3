#!/usr/bin/env bash
# One command for a new user: installs what is missing, builds the package
# and serves the demo at http://127.0.0.1:${PORT:-8080}/www/
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
scripts/build.sh
PORT="${PORT:-8080}"
echo "kashif demo: http://127.0.0.1:$PORT/www/  (Ctrl-C stops)" >&2
exec python3 -m http.server "$PORT" --bind 127.0.0.1
