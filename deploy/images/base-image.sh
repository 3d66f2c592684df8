#!/usr/bin/env bash
# Builds the services' base image without a Docker daemon or a container registry: a Debian bookworm root
# file system with the OpenJDK 17 JRE, made by mmdebstrap from Debian's packages, wrapped as a one-layer
# image in `docker save` format, which Jib takes as `tar://` base (quarkus.jib.base-jvm-image).
#
#   deploy/images/base-image.sh [--force]
#
# Writes .platform/images/base-jvm.tar (override with BASE_IMAGE_TAR) and reuses it as long as this script is
# unchanged, so the image is built once per machine. Needs root (mmdebstrap installs packages in a chroot);
# installs mmdebstrap with apt when it is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${BASE_IMAGE_TAR:-$ROOT/.platform/images/base-jvm.tar}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
SUITE=bookworm
# The services run as this user, never as root; Jib's quarkus.jib.user names the same uid.
APP_UID=1001
APP_USER=proposals

say() { printf 'base-image: %s\n' "$*"; }

# The stamp is the hash of this script: changing the package set, the user or the layout rebuilds the image.
stamp="$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)"
if [[ "${1:-}" != --force && -f "$OUT" && "$(cat "$OUT.stamp" 2>/dev/null)" == "$stamp" ]]; then
  say "up to date: $OUT"
  exit 0
fi

((EUID == 0)) || { say "must run as root (mmdebstrap installs the packages in a chroot)" >&2; exit 1; }
if ! command -v mmdebstrap >/dev/null; then
  say "installing mmdebstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends mmdebstrap >/dev/null \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends mmdebstrap >/dev/null; }
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/base-image.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$(dirname "$OUT")"

say "building the root file system ($SUITE, openjdk-17-jre-headless) with mmdebstrap"
start=$SECONDS
# essential: only Essential:yes packages plus the JRE's hard dependencies (no apt, no recommends).
# The tree is merged-/usr already, so usr-is-merged stands in for usrmerge, which the essential set brings
# with perl (~50 MB); both go again before the tarball is made.
# Documentation, man pages and translations are never unpacked; apt's lists and caches are cleaned by
# mmdebstrap itself (the JRE's update-alternatives insists on an existing man1 directory, so it gets an empty
# one). The user gets its entries directly, since useradd (package passwd) is not essential. No device nodes
# in the layer: container runtimes mount their own /dev, and rootless ones cannot unpack them.
if ! mmdebstrap --mode=root --variant=essential --skip=output/dev \
  --include=openjdk-17-jre-headless,ca-certificates,usr-is-merged \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook="echo '$APP_USER:x:$APP_UID:$APP_UID::/home/$APP_USER:/usr/sbin/nologin' >> \"\$1/etc/passwd\"" \
  --customize-hook="echo '$APP_USER:x:$APP_UID:' >> \"\$1/etc/group\"" \
  --customize-hook="echo '$APP_USER:!:1::::::' >> \"\$1/etc/shadow\"" \
  --customize-hook="install -d -o $APP_UID -g $APP_UID -m 0750 \"\$1/home/$APP_USER\"" \
  --customize-hook='chroot "$1" dpkg --purge usrmerge libfile-find-rule-perl libnumber-compare-perl libtext-glob-perl perl libperl5.36 perl-modules-5.36' \
  --customize-hook='rm -rf "$1"/var/cache/* "$1"/var/log/* "$1"/var/lib/apt/lists/* "$1"/usr/share/man' \
  "$SUITE" "$work/rootfs.tar" \
  "deb $MIRROR $SUITE main" \
  "deb $MIRROR $SUITE-updates main" \
  "deb $SECURITY_MIRROR $SUITE-security main" \
  >"$work/mmdebstrap.log" 2>&1; then
  tail -n 40 "$work/mmdebstrap.log" >&2
  say "mmdebstrap failed" >&2
  exit 1
fi

# One layer: its diff id is the digest of the plain tar; the file in the image is gzipped once here, so
# that Jib does not compress it again for every service image.
diff_id="sha256:$(sha256sum "$work/rootfs.tar" | cut -d' ' -f1)"
gzip -n -6 -c "$work/rootfs.tar" > "$work/image/layer.tar.gz"
arch="$(dpkg --print-architecture)"
created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat > "$work/image/config.json" <<JSON
{
  "architecture": "$arch",
  "os": "linux",
  "created": "$created",
  "config": {
    "User": "$APP_UID:$APP_UID",
    "Env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$arch",
      "LANG=C.UTF-8"
    ],
    "WorkingDir": "/home/$APP_USER",
    "Labels": {
      "org.opencontainers.image.base.name": "proposals/base-jvm:17"
    }
  },
  "rootfs": { "type": "layers", "diff_ids": ["$diff_id"] },
  "history": [ { "created": "$created", "created_by": "deploy/images/base-image.sh (mmdebstrap $SUITE)" } ]
}
JSON
config_digest="$(sha256sum "$work/image/config.json" | cut -d' ' -f1)"
mv "$work/image/config.json" "$work/image/$config_digest.json"
cat > "$work/image/manifest.json" <<JSON
[ { "Config": "$config_digest.json", "RepoTags": ["proposals/base-jvm:17"], "Layers": ["layer.tar.gz"] } ]
JSON
tar -C "$work/image" -cf "$OUT.tmp" manifest.json "$config_digest.json" layer.tar.gz
mv "$OUT.tmp" "$OUT"
echo "$stamp" > "$OUT.stamp"
say "wrote $OUT ($(du -h "$OUT" | cut -f1), root file system $(du -h "$work/rootfs.tar" | cut -f1)) in $((SECONDS - start)) s"
