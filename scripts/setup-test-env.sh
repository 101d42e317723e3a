#!/usr/bin/env bash
# Installs what the browser and VS Code test layers need, once; later runs return in well under a second.
#  - Debian chromium (every browser test: playwright-core drives it through executablePath)
#  - code-server 4.100.3 (a real VS Code 1.100 workbench) in .tools/code-server, not a project dependency
# Needs root or sudo for apt-get. Set FTN_SKIP_SETUP=1 to skip (the host layers then fail if the tools are missing).
set -euo pipefail
[ "${FTN_SKIP_SETUP:-}" = 1 ] && exit 0
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

CS_DIR=.tools/code-server
CS_VERSION=4.100.3
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ] || ! grep -q "\"version\": \"$CS_VERSION\"" "$CS_DIR/node_modules/code-server/package.json" 2>/dev/null; then
  echo "setup: installing code-server $CS_VERSION into $CS_DIR (about a minute)"
  # @vscode/ripgrep's postinstall downloads rg from GitHub, which these machines cannot reach: seed its cache with Debian's rg.
  RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  if [ ! -f "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
    T=$(mktemp -d); mkdir -p "$RG_CACHE"; cp "$(command -v rg)" "$T/rg"
    tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$T" rg; rm -rf "$T"
  fi
  mkdir -p "$CS_DIR"
  ( cd "$CS_DIR" && [ -f package.json ] || echo '{"name":"ftn-test-tools","private":true}' > package.json
    npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >install.log 2>&1 \
      || { echo "setup: code-server install failed; see $CS_DIR/install.log"; tail -20 install.log; exit 1; } )
fi
echo "setup: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), code-server $CS_VERSION ready"
