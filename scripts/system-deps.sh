#!/usr/bin/env bash
# Debian packages the tests need: Chromium for Playwright (this machine cannot download
# Playwright's own browsers) and a PostgreSQL server for the server-database test run.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The server itself, not only the client tools a machine may already have.
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null && command -v pg_lsclusters >/dev/null 2>&1 ||
  missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install these Debian packages first: ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} with apt-get..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
