#!/usr/bin/env bash
# Installs what building and running need (the .NET SDK, checked; nodejs and npm) and, with "test", what the tests need too, on a
# fresh Debian machine of this project's kind. Serving needs no native library and no browser.
set -euo pipefail
mode=${1:-test}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is required and is not on PATH" >&2
  exit 1
fi
major=$(dotnet --version | cut -d. -f1)
if [ "$major" -lt 10 ]; then
  echo "error: .NET SDK 10 or later is required, found $(dotnet --version)" >&2
  exit 1
fi

# `make load` needs only Debian's wrk, the HTTP load generator.
if [ "$mode" = "load" ]; then
  command -v wrk >/dev/null 2>&1 && exit 0
  if [ "$(id -u)" != "0" ]; then
    echo "error: missing Debian package: wrk (run as root, or: sudo apt-get install -y wrk)" >&2
    exit 1
  fi
  echo "installing wrk"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk
  exit 0
fi

# Debian's nodejs and npm: `make` installs the web UI's browser libraries with `npm ci` (package-lock.json).
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "error: missing Debian packages: nodejs npm (run as root, or: sudo apt-get install -y nodejs npm)" >&2
    exit 1
  fi
  echo "installing nodejs npm"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi

# Debian packages for the tests: chromium for the web UI's browser tests (Playwright drives Debian's build, it never
# downloads one), a CJK font so pages render Chinese, and the bulletin PDF's TrueType font. Training the ranking model needs none: ML.NET and LightGBM's
# native library come from NuGet (LightGBM's links OpenMP's libgomp1, which this machine kind's image has).
[ "$mode" = "test" ] || exit 0
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh | grep -q .; } || missing+=(fonts-noto-cjk)
# The bulletin's PDF is set in a TrueType font with Chinese glyphs (PDFsharp cannot embed Noto CJK's CFF outlines).
[ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || missing+=(fonts-arphic-gbsn00lp)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "error: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
