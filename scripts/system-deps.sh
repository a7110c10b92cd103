#!/usr/bin/env bash
# Debian packages isoflow needs beyond Python (run as root).  Idempotent.
#
#   bash scripts/system-deps.sh          # PDF forms: Pango, HarfBuzz subset, fonts
#   bash scripts/system-deps.sh --test   # ... plus poppler-utils, which the PDF tests read with,
#                                        # and softhsm2, the PKCS#11 token the signing tests use
#
# Fonts: Tinos (fonts-croscore) and Liberation Serif 2.x (fonts-liberation2) are metric-
# compatible with Times New Roman (Decree 30/2020) and cover Vietnamese completely; the older
# fonts-liberation 1.x does not, so it is never relied upon.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-croscore fonts-liberation2 fontconfig)
if [ "${1:-}" = "--test" ]; then
  packages+=(poppler-utils softhsm2)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "system-deps.sh: missing ${missing[*]}; run me as root to install them" >&2
    exit 2
  fi
  echo "system-deps.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
