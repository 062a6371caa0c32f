#!/usr/bin/env bash
# Installs, only when missing, the independent implementations the signing interop tests run against:
#   xmlsec1                  XMLDSig sign/verify (RSA, ECDSA; no GOST)
#   openssl                  command-line tool
#   libengine-gost-openssl   OpenSSL's GOST engine (`-engine gost`: Streebog, GOST R 34.10-2012 keys and signatures)
# and the browser the console's tests drive with Playwright:
#   chromium                 Debian's Chromium, headless (Playwright's own browser download cannot work offline)
# Silent and fast when everything is present; `apt-get update` runs only when something must be installed.
set -euo pipefail

gost_engine_loads() {
  openssl engine -t gost 2>/dev/null | grep -q '\[ available \]'
}

missing() {
  command -v xmlsec1 >/dev/null 2>&1 || echo xmlsec1
  command -v chromium >/dev/null 2>&1 || echo chromium
  if ! command -v openssl >/dev/null 2>&1; then
    echo openssl libengine-gost-openssl
  elif ! gost_engine_loads; then
    echo libengine-gost-openssl
  fi
}

read -r -a pkgs <<<"$(missing | tr '\n' ' ')"
((${#pkgs[@]})) || exit 0

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null 2>&1 || { echo "tools.sh: must run as root (or with sudo) to install ${pkgs[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "tools.sh: installing with apt: ${pkgs[*]}" >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}" >&2

still=$(missing | tr '\n' ' ')
if [[ -n ${still// /} ]]; then
  echo "tools.sh: still missing after install: $still" >&2
  exit 1
fi
