#!/usr/bin/env bash
# Installs the real browser the status-page test drives (StatusPageBrowserE2E): Debian's chromium
# and chromium-driver, plus fonts-liberation so that screenshots render text with common metrics.
# Called by provision.sh; safe to run by itself and concurrently (a lock, and apt's own lock).
#
# Pinned as far as apt allows: Debian serves only the newest version of a package in a suite, and
# chromium moves with every security update. The pinned versions are installed when apt offers
# them; otherwise the script warns and installs apt's current version (the one chromium-driver
# must match), unless GITFOUNDRY_STRICT_PINS=1. `--update-pins` prints the versions apt offers now.
# The downloaded .deb files are kept in <tools dir>/apt-archives, so a restored cache installs
# without downloading them again.
set -euo pipefail

CHROMIUM_VERSION=156.0.8078.114-1~deb12u1  # chromium and chromium-driver (same source package)
FONTS_LIBERATION_VERSION=1:1.07.4-11

TOOLS_DIR="${GITFOUNDRY_TOOLS_DIR:-$HOME/.cache/gitfoundry}"
ARCHIVES="$TOOLS_DIR/apt-archives"

log() { echo "[provision-browser] $*"; }
fail() { echo "[provision-browser] ERROR: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

installed_version() { dpkg-query -W -f='${db:Status-Abbrev} ${Version}' "$1" 2>/dev/null | awk '$1 == "ii" {print $2}'; }
candidate_version() { apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}'; }
offered() { apt-cache madison "$1" 2>/dev/null | awk -v v="$2" '$3 == v {found=1} END {exit !found}'; }

apt_install() { # package=version...
  mkdir -p "$ARCHIVES/partial"
  # Our own archive directory: kept (not cleaned by the image's docker-clean hook), cacheable.
  local apt=(apt-get install -y -qq --no-install-recommends -o Dir::Cache::Archives="$ARCHIVES"
    -o APT::Keep-Downloaded-Packages=true -o DPkg::Lock::Timeout=600)
  # As root apt drops to its sandbox user, which cannot write into a private home directory.
  [ "$(id -u)" -ne 0 ] || apt+=(-o APT::Sandbox::User=root)
  as_root env DEBIAN_FRONTEND=noninteractive "${apt[@]}" "$@" </dev/null
}

# The versions to install: the pins when apt offers them, else (with a warning) apt's candidates.
resolve() { # package pinned-version
  local name=$1 pin=$2 candidate
  if offered "$name" "$pin"; then echo "$pin"; return; fi
  candidate=$(candidate_version "$name")
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ] || fail "apt offers no $name (run apt-get update)"
  local why="apt no longer offers $name=$pin (Debian keeps only the newest version);"
  why="$why update the pin at the top of $0 (--update-pins prints the current versions)"
  [ "${GITFOUNDRY_STRICT_PINS:-}" != 1 ] || fail "$why"
  echo "[provision-browser] WARNING: $why. Installing $name=$candidate instead" \
    "(GITFOUNDRY_STRICT_PINS=1 refuses)." >&2
  echo "$candidate"
}

update_pins() {
  apt-get update -qq
  echo "CHROMIUM_VERSION=$(candidate_version chromium)"
  echo "FONTS_LIBERATION_VERSION=$(candidate_version fonts-liberation)"
}

main() {
  [ "${1:-}" = --update-pins ] && { update_pins; return; }
  if ! command -v apt-get >/dev/null; then
    command -v chromium >/dev/null && command -v chromedriver >/dev/null \
      || fail "needs Debian's apt-get to install chromium and chromium-driver (or both on PATH)"
    log "no apt-get: using $(command -v chromium) and $(command -v chromedriver) from PATH"
    return
  fi
  mkdir -p "$TOOLS_DIR"
  exec 8>"$TOOLS_DIR/.browser.lock"
  flock 8
  if [ "$(installed_version chromium)" = "$CHROMIUM_VERSION" ] \
    && [ "$(installed_version chromium-driver)" = "$CHROMIUM_VERSION" ] \
    && [ "$(installed_version fonts-liberation)" = "$FONTS_LIBERATION_VERSION" ]; then
    log "chromium $CHROMIUM_VERSION: installed"
    return
  fi
  # Without package lists (a fresh machine) or with stale ones, apt knows no version to install.
  if ! offered chromium "$CHROMIUM_VERSION" || ! offered fonts-liberation "$FONTS_LIBERATION_VERSION"; then
    as_root apt-get update -qq
  fi
  local chromium fonts started=$SECONDS
  chromium=$(resolve chromium "$CHROMIUM_VERSION")
  fonts=$(resolve fonts-liberation "$FONTS_LIBERATION_VERSION")
  if [ "$(installed_version chromium)" = "$chromium" ] \
    && [ "$(installed_version chromium-driver)" = "$chromium" ] \
    && [ "$(installed_version fonts-liberation)" = "$fonts" ]; then
    log "chromium $chromium: installed"
    return
  fi
  log "installing chromium=$chromium chromium-driver=$chromium fonts-liberation=$fonts"
  apt_install "chromium=$chromium" "chromium-common=$chromium" "chromium-driver=$chromium" \
    "fonts-liberation=$fonts"
  command -v chromium >/dev/null && command -v chromedriver >/dev/null \
    || fail "chromium or chromedriver missing after installing them"
  log "chromium $chromium installed in $((SECONDS - started))s ($(chromedriver --version | head -1))"
}

main "$@"
