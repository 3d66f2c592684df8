#!/usr/bin/env bash
# Stands in for the `docker` command that Quarkus' Jib extension hands a built image to when nothing is pushed
# (quarkus.jib.docker-executable-name): there is no Docker daemon, so `load` keeps the image as a file instead,
# a `docker save`-format tar that `docker load`, `podman load` or `ctr images import` take as it is.
#
# Writes <IMAGES_DIR>/<name>-<tag>.tar, IMAGES_DIR defaulting to target/images at the top of the project.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
IMAGES_DIR="${IMAGES_DIR:-$ROOT/target/images}"

case "${1:-}" in
  info)
    # Jib asks the daemon for its platform to check the image against it (`docker info -f {{json .}}`).
    printf '{"OSType":"linux","Architecture":"%s"}\n' "$(uname -m)"
    ;;
  version|--version)
    echo "docker-to-tar (writes images to $IMAGES_DIR)"
    ;;
  load)
    mkdir -p "$IMAGES_DIR"
    tmp="$(mktemp "$IMAGES_DIR/.load.XXXXXX")"
    trap 'rm -f "$tmp"' EXIT
    cat > "$tmp"
    # The image's name comes from the tar itself: manifest.json's first RepoTag, e.g. proposals/proposal-service:1.0.0.
    ref="$(tar -xOf "$tmp" manifest.json | grep -o '"RepoTags":\["[^"]*"' | cut -d'"' -f4)"
    [[ -n "$ref" ]] || { echo "docker-to-tar: no RepoTags in the image's manifest.json" >&2; exit 1; }
    name="${ref##*/}"
    out="$IMAGES_DIR/${name%:*}-${name##*:}.tar"
    chmod 0644 "$tmp"
    mv "$tmp" "$out"
    trap - EXIT
    echo "Loaded image: $ref"
    echo "docker-to-tar: wrote $out" >&2
    ;;
  *)
    echo "docker-to-tar: only info, version and load are supported (there is no Docker daemon here)" >&2
    exit 1
    ;;
esac
