#!/usr/bin/env bash
# The Gitea image of the tests, built offline (no registry, no Docker engine) the way the operator
# image's base is: a `docker load`-able tarball of three layers.
#
#   os      the operator image's OS layer, byte for byte (operator/src/image/build-base-image.sh:
#           glibc, zlib, GCC runtime from pinned Debian 12 packages, user nonroot 65532)
#   runtime git, bash, dash and a few coreutils from the pinned packages in debian-packages.txt
#   gitea   the pinned Gitea build of tests/tools/provision.sh with its templates, locales and
#           public assets (no bindata build), run as nonroot with /home/nonroot as work path
#
# Usage: build-gitea-image.sh tag            the image name: it changes with any input (a pin, the
#                                            Gitea build, the base, this script), so an engine that
#                                            has this tag has this very image
#        build-gitea-image.sh build          build (or take from the cache) and print the tarball
#        build-gitea-image.sh --update-pins  pin the versions apt offers now
#
# The tarball is kept in ${GITFOUNDRY_IMAGE_CACHE:-~/.cache/gitfoundry/image} under its tag; the
# test fixtures load it into the engine when the engine lacks the tag.
set -euo pipefail

gitea_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repository=$(cd "$gitea_here/../../.." && pwd)
# The package fetching, layer writing and pinning of the operator image's base, shared.
# shellcheck source=../../../operator/src/image/build-base-image.sh
source "$repository/operator/src/image/build-base-image.sh"
packages_file=$gitea_here/debian-packages.txt
tools_dir=${GITFOUNDRY_TOOLS_DIR:-$HOME/.cache/gitfoundry}

tools_property() {
  sed -n "s/^$1=//p" "$tools_dir/tools.properties"
}

gitea_binary() {
  local binary
  binary=$(tools_property bin.dir)/gitea
  [[ -x $binary ]] || die "no Gitea build at $binary: run tests/tools/provision.sh first"
  echo "$binary"
}

image_tag() {
  local version hash
  version=$(tools_property gitea.version)
  hash=$(
    {
      inputs_hash # the base: operator/src/image
      (cd "$gitea_here" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
      (cd "$gitea_here" && find . -type l -printf '%p -> %l\n' | LC_ALL=C sort)
      sha256sum "$(gitea_binary)" | cut -d' ' -f1
    } | sha256sum | cut -c1-12
  )
  echo "localhost/gitfoundry-tests/gitea:$version-$hash"
}

# The Gitea binary links glibc dynamically (cgo, for SQLite); the base's glibc must be new enough.
check_glibc() {
  local needed base
  needed=$(objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1)
  base=$(awk '$1 == "libc6" {print $2}' < <(sed -e 's/#.*//' "$here/debian-packages.txt"))
  [[ $(printf '%s\n%s\n' "${needed#GLIBC_}" "${base%%-*}" | sort -V | tail -n1) == "${base%%-*}" ]] ||
    die "the Gitea build needs $needed, the image's glibc is $base: build Gitea on Debian 12"
}

runtime_layer() {
  local dir=$1 name version sha layer paths deb extracted path
  mkdir -p "$dir/var/lib/dpkg/status.d"
  while read -r -u 3 name version sha layer paths; do
    deb=$(fetch "$name" "$version" "$sha")
    extracted=$work/packages/$name
    mkdir -p "$extracted"
    dpkg-deb --extract "$deb" "$extracted"
    for path in $paths; do
      [[ -e $extracted/$path || -L $extracted/$path ]] || die "$name has no $path"
      (cd "$extracted" && cp -a --parents "$path" "$dir")
    done
    status_entry "$deb" >"$dir/var/lib/dpkg/status.d/$name"
  done 3< <(package_lines)
  cp -a "$gitea_here/rootfs/." "$dir/"
  normalize_modes "$dir"
}

gitea_layer() {
  local dir=$1 static
  static=$(tools_property gitea.static.root)
  mkdir -p "$dir/usr/local/bin" "$dir/usr/share/gitea"
  cp "$(gitea_binary)" "$dir/usr/local/bin/gitea"
  cp -r "$static/templates" "$static/options" "$static/public" "$dir/usr/share/gitea/"
  normalize_modes "$dir"
}

build_image() {
  local out=$1 tag=$2 base_tar os_diff runtime_diff gitea_diff
  work=$(mktemp -d "$(dirname "$out")/gitea-image.work.XXXXXX")
  # shellcheck disable=SC2064 # expand now
  trap "rm -rf '$work'" EXIT
  check_glibc "$(gitea_binary)"
  mkdir -p "$work/base" "$work/image"
  "$here/build-base-image.sh" "$work/base.tar"
  tar -xf "$work/base.tar" -C "$work/base"
  base_tar=$(grep -o '"Layers":\["[^"]*"' "$work/base/manifest.json" | cut -d'"' -f4)
  cp "$work/base/$base_tar" "$work/image/os.tar.gz"
  os_diff=$(gzip -dc "$work/image/os.tar.gz" | sha256sum | cut -d' ' -f1)

  runtime_layer "$work/runtime"
  write_layer "$work/runtime" "$work/runtime.tar"
  gitea_layer "$work/gitea"
  write_layer "$work/gitea" "$work/gitea.tar"
  runtime_diff=$(sha256sum "$work/runtime.tar" | cut -d' ' -f1)
  gitea_diff=$(sha256sum "$work/gitea.tar" | cut -d' ' -f1)
  gzip -n "$work/runtime.tar" "$work/gitea.tar"
  mv "$work/runtime.tar.gz" "$work/gitea.tar.gz" "$work/image/"

  local version
  version=$(tools_property gitea.version)
  cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:01Z","config":{"User":"65532:65532","Env":["PATH=/usr/local/bin:/usr/bin:/bin","HOME=/home/nonroot","USER=nonroot","GITEA_WORK_DIR=/home/nonroot"],"Entrypoint":["/usr/local/bin/gitea","web"],"WorkingDir":"/home/nonroot","ExposedPorts":{"3000/tcp":{}},"Labels":{"org.opencontainers.image.title":"gitfoundry-tests-gitea","org.opencontainers.image.description":"Gitea $version for Gitfoundry's tests, built offline on the operator image's Debian base","org.opencontainers.image.version":"$version"}},"rootfs":{"type":"layers","diff_ids":["sha256:$os_diff","sha256:$runtime_diff","sha256:$gitea_diff"]},"history":[{"created":"1970-01-01T00:00:01Z","created_by":"build-base-image.sh: Debian 12 glibc, zlib, GCC runtime; user nonroot 65532"},{"created":"1970-01-01T00:00:01Z","created_by":"build-gitea-image.sh: git, bash, dash, coreutils from pinned Debian 12 packages"},{"created":"1970-01-01T00:00:01Z","created_by":"build-gitea-image.sh: Gitea $version (provision.sh build) and its assets"}]}
JSON
  echo "[{\"Config\":\"config.json\",\"RepoTags\":[\"$tag\"],\"Layers\":[\"os.tar.gz\",\"runtime.tar.gz\",\"gitea.tar.gz\"]}]" \
    >"$work/image/manifest.json"
  write_layer "$work/image" "$out"
}

build() {
  local tag cached
  tag=$(image_tag)
  mkdir -p "$cache/debs"
  cached=$cache/gitea-image-${tag##*:}.tar
  if [[ ! -f $cached ]]; then
    build_image "$cached.part.$$" "$tag"
    mv "$cached.part.$$" "$cached"
    # Keep the three newest (other branches may use them).
    find "$cache" -maxdepth 1 -name 'gitea-image-*.tar' -printf '%T@ %p\n' | sort -rn |
      tail -n +4 | cut -d' ' -f2- | xargs -r rm -f
    echo "build-gitea-image: built $tag ($(du -h "$cached" | cut -f1))" >&2
  fi
  echo "$cached"
}

gitea_main() {
  case "${1:-}" in
    tag) image_tag ;;
    build) build ;;
    --update-pins) update_pins ;;
    *) die "usage: $0 tag | build | --update-pins" ;;
  esac
}

gitea_main "$@"
