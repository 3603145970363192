# shellcheck shell=bash disable=SC2034  # sourced by build-base.sh, build-images.sh and smoke-test.sh
# What the image scripts share: paths, the container tools' configuration (all of it from this module, nothing in
# /etc), the services and their ports, and the rule for missing tools.

MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"   # platform/images
REPO="$(cd "$MODULE/../.." && pwd)"
TARGET="$MODULE/target"
SERVICES=(trial-service enrolment-service outcome-service)
VERSION=${IMAGES_VERSION:-$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$MODULE/pom.xml" | head -n 1)}
BASE_REPOSITORY=trials/jre-base

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# The image store lives in target/, not in root's default /var/lib/containers: a build never sees (or removes) images
# of another checkout or of the machine, and "mvn clean" removes it. containers/storage expands no variables, so the
# file is written with this checkout's absolute paths.
STORE="$TARGET/containers"
mkdir -p "$STORE"
cat >"$STORE/storage.conf" <<EOF
# Written by platform/images/images-env.sh on every run; edit that, not this.
[storage]
driver = "overlay"
graphroot = "$STORE/storage"
runroot = "$STORE/run"
EOF
export CONTAINERS_CONF="$MODULE/containers.conf" CONTAINERS_STORAGE_CONF="$STORE/storage.conf"
# Podman's own state (container locks, the "alive" marker) beside that store rather than in the machine's /run/libpod.
podman() { command podman --tmpdir "$STORE/libpod" "$@"; }

# require_tools TOOL...: with CI=true a missing tool fails the build; elsewhere the caller skips, loudly (exit 0).
# Making a root file system (debootstrap) and a rootful image store need root.
require_tools() {
    local tool missing=()
    for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    (( EUID == 0 )) || missing+=("root (debootstrap and the image store run as root)")
    (( ${#missing[@]} == 0 )) && return 0
    if [[ ${CI:-} == true ]]; then
        die "missing: ${missing[*]}. .ci/run installs them (apt-get install debootstrap buildah podman skopeo umoci uidmap fuse-overlayfs slirp4netns runc)"
    fi
    {
        echo "######################################################################################################"
        echo "## $(basename "$0"): SKIPPED, missing: ${missing[*]}"
        echo "## The container images are neither built nor smoke-tested on this machine (with CI=true this fails)."
        echo "######################################################################################################"
    } >&2
    exit 0
}

# The port a service listens on: its own application.properties says it (quarkus.http.port), nowhere else.
service_port() {
    sed -n 's/^quarkus\.http\.port=\([0-9]*\)$/\1/p' "$REPO/$1/src/main/resources/application.properties"
}

service_image() { echo "localhost/trials/$1:$VERSION"; }
