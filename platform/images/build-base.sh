#!/usr/bin/env bash
# Makes the services' base image locally, since no container registry is reachable from the build machines: a
# minimal Debian bookworm with the headless OpenJDK 17 JRE from the Debian mirror apt already uses, and user 1001 in
# group 0. Prints the image's name. The image is kept in the module's store (target/containers) under a tag derived
# from this script and the mirror, so a second build reuses it and a change to either rebuilds it.
#
#   platform/images/build-base.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/images-env.sh"
require_tools debootstrap buildah

# The mirror apt uses (deb822 .sources or one-line .list), so that the build reaches exactly what apt reaches here.
debian_mirror() {
    local uri
    uri=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | grep -v -e security -e updates | head -n 1)
    [[ -n $uri ]] || uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
    echo "${uri:-http://deb.debian.org/debian}"
}
MIRROR=$(debian_mirror)
# Where apt takes bookworm-security from: the JRE's and libraries' security fixes, which the release alone lacks.
debian_security_mirror() {
    local uri
    uri=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*security[^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources \
        2>/dev/null | head -n 1)
    [[ -n $uri ]] || uri=$(awk '$1 == "deb" && $0 ~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
    echo "${uri:-http://deb.debian.org/debian-security}"
}
SECURITY_MIRROR=$(debian_security_mirror)
BASE_IMAGE="localhost/$BASE_REPOSITORY:17-$( { cat "$0"; echo "$MIRROR $SECURITY_MIRROR"; } | sha256sum | cut -c1-12)"

if buildah inspect --type image "$BASE_IMAGE" >/dev/null 2>&1; then
    echo "$BASE_IMAGE"
    exit 0
fi

ROOTFS="$TARGET/base-rootfs"
rm -rf "$ROOTFS" "$ROOTFS.tar"
echo "base image: debootstrap bookworm with openjdk-17-jre-headless from $MIRROR (about a minute) ..." >&2
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$ROOTFS" "$MIRROR" >"$TARGET/debootstrap.log" 2>&1 \
    || { tail -n 30 "$TARGET/debootstrap.log" >&2; die "debootstrap failed (log: $TARGET/debootstrap.log)"; }

# The release as published, then its security and stable updates, as a patched host would have them. /proc is
# mounted for the upgrade alone (a JRE's maintainer scripts run java) and unmounted before the tree is packed.
printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
    "$MIRROR" "$MIRROR" "$SECURITY_MIRROR" >"$ROOTFS/etc/apt/sources.list"
mount -t proc proc "$ROOTFS/proc"
upgraded=0
chroot "$ROOTFS" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c 'apt-get update -qq && apt-get upgrade -y -qq' \
    >"$TARGET/upgrade.log" 2>&1 || upgraded=$?
umount "$ROOTFS/proc"
[[ $upgraded == 0 ]] || { tail -n 30 "$TARGET/upgrade.log" >&2; die "the base's security upgrade failed (log: $TARGET/upgrade.log)"; }

# The services' user. Group 0 and a group-writable home, as OpenShift runs images with an arbitrary uid in group 0.
chroot "$ROOTFS" useradd --uid 1001 --gid 0 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin trials
mkdir -p "$ROOTFS/deployments"
chown 1001:0 "$ROOTFS/deployments"
chmod 0775 "$ROOTFS/deployments"
# What only installing needs: package caches and lists, documentation, translations (the services log in English).
rm -rf "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/log/* \
    "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/*

# A tar with numeric owners keeps the tree's owners (1001 on /deployments); "buildah copy" of a directory would make
# everything root's.
tar --numeric-owner -C "$ROOTFS" -cf "$ROOTFS.tar" .
container=$(buildah from scratch)
trap 'buildah rm "$container" >/dev/null 2>&1 || true; rm -rf "$ROOTFS" "$ROOTFS.tar"' EXIT
buildah add --quiet "$container" "$ROOTFS.tar" / >/dev/null
buildah config \
    --env JAVA_HOME="/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)" \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=C.UTF-8 \
    --user 1001 --workingdir /deployments \
    --label org.opencontainers.image.title="Debian bookworm with OpenJDK 17 (JRE, headless)" \
    --label org.opencontainers.image.base.name=scratch \
    "$container"
buildah commit --quiet --format oci --rm "$container" "$BASE_IMAGE" >/dev/null
echo "$BASE_IMAGE"
