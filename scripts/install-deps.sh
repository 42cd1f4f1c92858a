#!/usr/bin/env bash
# Installs the Debian packages Scorecard needs that are missing. Idempotent: prints one line and
# does nothing when everything is present. Runs apt-get as root, or through sudo.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git pkg-config
  libfmt-dev libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev
  libgtest-dev libgmock-dev libbenchmark-dev clang-format clang-tidy python3
  # The reports: Chromium prints the PDF and runs the accessibility scan, poppler-utils reads
  # the PDF back in the tests (pdfinfo, pdffonts, pdftotext), and Liberation Sans is the font
  # the PDF embeds (docs/adr/0012-report-styles-and-pdf.md).
  chromium poppler-utils fonts-liberation2
)
# node and npm for the report stylesheet and the accessibility scan (package.json), and for
# DuckDB in `make bench` (bench/duckdb). A node from elsewhere brings its own npm, which Debian's
# npm package would conflict with.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
case "${1:-}" in
  --fuzz) packages+=(clang-16 libclang-rt-16-dev) ;;
  --tidy) packages+=(clang-tidy-16) ;;
  --postgres) packages+=(postgresql-15) ;;  # a throwaway server for the tests (with-postgres.sh)
  --bench) ;;                               # node and npm, as every build needs them
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's postgresql package creates (and, where services may start, starts) a default cluster
# on port 5432; the tests bring their own server, so stop any cluster the install started.
if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && command -v pg_lsclusters >/dev/null; then
  pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" {print $1, $2}' |
    while read -r version cluster; do $sudo pg_ctlcluster "$version" "$cluster" stop || true; done
fi
echo "install-deps: done"
