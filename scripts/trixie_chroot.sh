#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A Debian 13 (trixie) chroot with QGIS 3.40, to run the test suite on the
# newest QGIS Debian ships. Built once with debootstrap, reused afterwards.
#
#   scripts/trixie_chroot.sh setup          build or complete the chroot
#   scripts/trixie_chroot.sh run CMD [ARG]  run CMD inside it, repo mounted
#
# TRIXIE_VARIANT=backports gives a second chroot (build/trixie-backports)
# whose QGIS comes from trixie-backports (QGIS 3.44); the default variant is
# plain trixie (QGIS 3.40). Each variant has its own root and stamp.
#
# The repository and ../shared are bind-mounted at the same paths as on the
# host, so relative paths (../shared/data) work alike. Mounts are always
# undone on exit.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
VARIANT="${TRIXIE_VARIANT:-}"
case "$VARIANT" in
  "") ROOT_NAME=trixie QGIS_LABEL=3.40 ;;
  backports) ROOT_NAME=trixie-backports QGIS_LABEL=3.44 ;;
  *) echo "$0: unknown TRIXIE_VARIANT '$VARIANT' (empty or backports)" >&2; exit 2 ;;
esac
ROOT="${TRIXIE_ROOT:-$REPO/build/$ROOT_NAME}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SHARED="$(cd "$REPO/.." && pwd)/shared"
export DEBIAN_FRONTEND=noninteractive
# The chroot needs no host locale; C.UTF-8 is always there.
export LC_ALL=C.UTF-8 LANG=C.UTF-8

PACKAGES=(
  qgis python3-qgis qgis-providers python3-psycopg2
  python3-pytest python3-shapely python3-venv python3-pip
  poppler-utils postgresql-17-postgis-3 libimage-exiftool-perl
  fonts-dejavu-core ca-certificates e2fsprogs xvfb xauth
)
PIP_PACKAGES=(pytest-qgis)
# Packages taken from trixie-backports in the backports variant (QGIS 3.44).
BACKPORTS_PACKAGES=()
if [ "$VARIANT" = backports ]; then
  BACKPORTS_PACKAGES=(qgis python3-qgis qgis-providers)
fi

MOUNTED=()

mount_all() {
  cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
  # The host's CA bundle (it may hold a local proxy's CA) under a name the
  # chroot's ca-certificates package never rewrites; pip is pointed at it.
  mkdir -p "$ROOT/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/host-ca-bundle.crt"
  [ -s "$ROOT/etc/ssl/certs/ca-certificates.crt" ] ||
    cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
  # Same pip constraints as on the host.
  if [ -d /etc/xdg/pip ]; then
    mkdir -p "$ROOT/etc/xdg/pip"
    cp -r /etc/xdg/pip/. "$ROOT/etc/xdg/pip/"
  fi
  bind proc /proc -t proc
  bind sysfs /sys -t sysfs
  bind /dev /dev --bind
  bind devpts /dev/pts -t devpts -o newinstance,ptmxmode=0666
  bind tmpfs /dev/shm -t tmpfs
  bind "$REPO" "$REPO" --bind
  if [ -d "$SHARED" ]; then
    bind "$SHARED" "$SHARED" --bind
    mount -o remount,bind,ro "$ROOT$SHARED"
  fi
}

bind() {  # bind SOURCE TARGET MOUNT-OPTIONS...
  local src="$1" target="$ROOT$2"
  shift 2
  mkdir -p "$target"
  # a run killed before its EXIT trap leaves its mounts: take them back first
  if mountpoint -q "$target"; then umount -l "$target"; fi
  mount "$@" "$src" "$target"
  MOUNTED=("$target" "${MOUNTED[@]}")
}

umount_all() {
  local target
  for target in "${MOUNTED[@]}"; do
    umount -l "$target" 2>/dev/null || true
  done
  MOUNTED=()
}

in_root() {
  chroot "$ROOT" /usr/bin/env -i \
    HOME=/root PATH=/opt/venv/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LC_ALL=C.UTF-8 LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    CI="${CI:-}" QT_QPA_PLATFORM=offscreen ATELIER_CHROOT="$ROOT_NAME" ATELIER_QGIS="$QGIS_LABEL" \
    ATELIER_DEPRECATIONS="${ATELIER_DEPRECATIONS:-}" \
    PYTEST_XDIST_WORKER="${PYTEST_XDIST_WORKER:-}" \
    ATELIER_PG_BIN=/usr/lib/postgresql/17/bin \
    PIP_CERT=/etc/ssl/certs/host-ca-bundle.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SSL_CERT_FILE=/etc/ssl/certs/host-ca-bundle.crt \
    "$@"
}

setup() {
  local stamp="$ROOT/.atelier-ready"
  local want="${PACKAGES[*]} ${PIP_PACKAGES[*]}${BACKPORTS_PACKAGES[*]:+ backports: ${BACKPORTS_PACKAGES[*]}}"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  if [ ! -x "$ROOT/usr/bin/apt-get" ] || [ ! -f "$ROOT/.debootstrap-done" ]; then
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    echo "== debootstrap trixie into $ROOT"
    debootstrap --variant=minbase trixie "$ROOT" "$MIRROR"
    touch "$ROOT/.debootstrap-done"
  fi
  trap umount_all EXIT
  mount_all
  # No services may start inside the chroot during installs.
  printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
  chmod +x "$ROOT/usr/sbin/policy-rc.d"
  if [ "${#BACKPORTS_PACKAGES[@]}" -gt 0 ]; then
    echo "deb $MIRROR trixie-backports main" >"$ROOT/etc/apt/sources.list.d/trixie-backports.list"
  fi
  echo "== apt-get install in the chroot"
  in_root apt-get update -q
  if [ "${#BACKPORTS_PACKAGES[@]}" -gt 0 ]; then
    # First from backports, so the rest resolves against the same QGIS.
    in_root apt-get install -y -q --no-install-recommends -t trixie-backports "${BACKPORTS_PACKAGES[@]}"
  fi
  in_root apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
  in_root apt-get clean
  echo "== pip install ${PIP_PACKAGES[*]} in /opt/venv"
  in_root python3 -m venv --system-site-packages /opt/venv
  in_root /opt/venv/bin/pip install -q --disable-pip-version-check "${PIP_PACKAGES[@]}"
  umount_all
  trap - EXIT
  echo "$want" >"$stamp"
}

run() {
  trap umount_all EXIT
  mount_all
  local rc=0
  in_root /bin/sh -c 'cd "$0" && exec "$@"' "$REPO" "$@" || rc=$?
  umount_all
  trap - EXIT
  return "$rc"
}

case "${1:-}" in
  setup) setup ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 setup | run CMD [ARGS...]" >&2; exit 2 ;;
esac
