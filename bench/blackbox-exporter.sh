#!/usr/bin/env bash
# Prints the path of a prometheus-blackbox-exporter binary, fetching Debian's package the first time.
#
# Like .ci/moto.sh, it never touches the system's package state: `apt-get download` runs with a private apt state
# (sources, lists and cache under ~/.cache/certguard/blackbox/apt), the .deb is unpacked with `dpkg-deb -x`, and the
# unpacked tree is reused by later runs. The package is a static Go binary: no runtime dependencies to install.
#
# Settings: CERTGUARD_BLACKBOX_DIR (default ~/.cache/certguard/blackbox), CERTGUARD_BLACKBOX_SUITE (default: the
# system's release, e.g. bookworm), CERTGUARD_BLACKBOX_ARCHIVE_URI (default http://deb.debian.org/debian).
set -euo pipefail

dir="${CERTGUARD_BLACKBOX_DIR:-${HOME:-/tmp}/.cache/certguard/blackbox}"
suite="${CERTGUARD_BLACKBOX_SUITE:-$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-bookworm}")}"
uri="${CERTGUARD_BLACKBOX_ARCHIVE_URI:-http://deb.debian.org/debian}"
log() { printf '[blackbox] %s\n' "$*" >&2; }

ready="$dir/unpack/$suite/.certguard-ok"
binary="$dir/unpack/$suite/usr/bin/prometheus-blackbox-exporter"
if [ -e "$ready" ] && [ -x "$binary" ]; then
    printf '%s\n' "$binary"
    exit 0
fi

apt="$dir/apt/$suite"
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d" "$apt/preferences.d" "$apt/debs"
: >"$apt/preferences"
printf 'deb %s %s main\n' "$uri" "$suite" >"$apt/sources.list"
opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/sources.list.d"
    -o "Dir::Etc::Preferences=$apt/preferences" -o "Dir::Etc::PreferencesParts=$apt/preferences.d"
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "APT::Sandbox::User=root"
    -o "Acquire::Languages=none")
log "apt-get update with private state: deb $uri $suite main"
timeout 300 apt-get -qq "${opts[@]}" update </dev/null >&2
rm -f "$apt/debs"/*.deb
log "apt-get download prometheus-blackbox-exporter"
(cd "$apt/debs" && timeout 300 apt-get -qq "${opts[@]}" download prometheus-blackbox-exporter </dev/null >&2)
deb="$(ls "$apt/debs"/prometheus-blackbox-exporter_*.deb | head -n 1)"
tree="$dir/unpack/$suite"
rm -rf "$tree" "$tree.tmp"
mkdir -p "$tree.tmp"
dpkg-deb -x "$deb" "$tree.tmp"
mv "$tree.tmp" "$tree"
[ -x "$binary" ] || { log "ERROR: $deb holds no usr/bin/prometheus-blackbox-exporter"; exit 1; }
printf 'deb=%s\n' "${deb##*/}" >"$ready"
log "unpacked ${deb##*/} into $tree"
printf '%s\n' "$binary"
