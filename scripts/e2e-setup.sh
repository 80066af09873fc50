#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e) need, from Debian's packages and the npm registry only:
# Neovim (Debian's 0.7.x, the built-in LSP client) and code-server with Debian's Chromium, the latter through the
# shared recipe that works around code-server's own download of ripgrep. Idempotent: a second run only checks.
# Usage: bash scripts/e2e-setup.sh   (code-server goes to $DEMARC_CODE_SERVER_DIR or .cache/code-server)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
cs_dir=${DEMARC_CODE_SERVER_DIR:-$root/.cache/code-server}

need=""
command -v nvim >/dev/null 2>&1 || need="$need neovim"
[ -x /usr/bin/chromium ] || need="$need chromium"
if [ -n "$need" ]; then
  echo "e2e-setup: installing$need from apt"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
fi
echo "e2e-setup: $(nvim --version | head -1)"

# The recipe lives beside the repo in shared/; a clone without it cannot install code-server, say so plainly.
recipe=""
for c in "${DEMARC_CODE_SERVER_RECIPE:-}" "$root/../shared/tools/install-code-server.sh" /work/shared/tools/install-code-server.sh; do
  if [ -n "$c" ] && [ -f "$c" ]; then recipe=$c; break; fi
done
if [ -z "$recipe" ]; then
  echo "e2e-setup: install-code-server.sh not found (looked in ../shared/tools and /work/shared/tools)" >&2
  exit 1
fi
started=$(date +%s)
bash "$recipe" "$cs_dir"
echo "e2e-setup: code-server ready in $cs_dir ($(( $(date +%s) - started )) s)"
"$cs_dir/node_modules/.bin/code-server" --version | head -1
/usr/bin/chromium --version
