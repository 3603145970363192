#!/usr/bin/env bash
# Builds trials/<service>:<version> for the three services from their packaged target/quarkus-app, with one
# Containerfile and the local base image (build-base.sh), and saves each as target/images/<service>.oci.tar for
# operators to load or push. Prints each image's digest, also written to target/images/digests.txt.
#
#   platform/images/build-images.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/images-env.sh"
require_tools debootstrap buildah skopeo

BASE_IMAGE=$("$MODULE/build-base.sh")
REVISION=$(git -C "$REPO" rev-parse HEAD 2>/dev/null || echo unknown)
# Without any user or token a CI clone's URL may carry (https://user:token@host/...): labels are public.
SOURCE=$(git -C "$REPO" remote get-url origin 2>/dev/null | sed 's#://[^/@]*@#://#' || true)
SOURCE=${SOURCE:-file://$REPO}
OUT="$TARGET/images"
mkdir -p "$OUT"
: >"$OUT/digests.txt"

for service in "${SERVICES[@]}"; do
    app="$REPO/$service/target/quarkus-app"
    [[ -f $app/quarkus-run.jar ]] || die "$service is not packaged ($app/quarkus-run.jar missing): build it first"
    port=$(service_port "$service")
    [[ -n $port ]] || die "no quarkus.http.port in $service's application.properties"
    image=$(service_image "$service")
    buildah bud --quiet --pull=never --format oci --layers \
        --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg SERVICE="$service" --build-arg PORT="$port" \
        --build-arg VERSION="$VERSION" --build-arg REVISION="$REVISION" --build-arg SOURCE="$SOURCE" \
        --file "$MODULE/Containerfile" --tag "$image" "$app" >/dev/null
    # The archive's manifest digest is the one a registry keeps when the archive is pushed as it is
    # (skopeo copy oci-archive:... docker://...): the layers are compressed once, here. Compressing takes most of
    # this script's time, so an archive of the same image (the same id) is kept.
    archive="$OUT/$service.oci.tar" id=$(buildah inspect --type image --format '{{.FromImageID}}' "$image")
    if [[ ! -s $archive || $(cat "$archive.image-id" 2>/dev/null) != "$id" ]]; then
        rm -f "$archive" "$archive.image-id"
        skopeo copy --quiet "containers-storage:$image" "oci-archive:$archive:$image"
        echo "$id" >"$archive.image-id"
    fi
    digest=$(skopeo inspect --format '{{.Digest}}' "oci-archive:$archive")
    echo "$image $digest" | tee -a "$OUT/digests.txt"
done
