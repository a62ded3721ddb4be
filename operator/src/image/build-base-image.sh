#!/usr/bin/env bash
# Builds the base of the operator's container image with no container registry and no Docker
# engine: a `docker save` tarball with two layers that Jib takes as `tar://` base image.
#
#   os    glibc, zlib and the GCC runtime from pinned Debian 12 packages, /etc/passwd with the
#         user nonroot (65532), /tmp, copyright files, and the package list scanners read
#   java  a Java 17 runtime made by jlink, from the pinned Debian OpenJDK, with the modules in
#         java-modules.txt, at /opt/java
#
# Usage: build-base-image.sh <output.tar>    build (or take from the cache) the base image
#        build-base-image.sh --update-pins   pin the versions apt offers now (debian-packages.txt)
#
# Packages come from `apt-get download` (the machine's Debian 12 sources) into
# ${GITFOUNDRY_IMAGE_CACHE:-~/.cache/gitfoundry/image}/debs and are checked against their pinned
# SHA-256; a host without those sources can put the .deb files there by hand. A finished base is
# kept in the cache under the hash of its inputs, so a rebuild with unchanged inputs is a copy.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
packages_file=$here/debian-packages.txt
modules_file=$here/java-modules.txt
cache=${GITFOUNDRY_IMAGE_CACHE:-$HOME/.cache/gitfoundry/image}
# Every file's mtime; the same instant Jib gives the files of its own layers.
mtime=@1

die() {
  echo "build-base-image: $*" >&2
  exit 1
}

# Lines of debian-packages.txt without comments: package version sha256 layer paths...
package_lines() {
  sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$packages_file"
}

update_pins() {
  local tmp name version sha rest
  tmp=$(mktemp "$packages_file.XXXXXX")
  while IFS= read -r line; do
    if [[ $line =~ ^[[:space:]]*(#|$) ]]; then
      printf '%s\n' "$line"
      continue
    fi
    read -r name _ _ rest <<<"$line"
    version=$(apt-cache policy "$name" | awk '/Candidate:/ {print $2}')
    [[ -n $version && $version != "(none)" ]] || die "apt offers no $name; run apt-get update"
    sha=$(apt-cache show "$name=$version" | awk '/^SHA256:/ {print $2; exit}')
    printf '%-25s %-24s %s %s\n' "$name" "$version" "$sha" "$rest"
  done <"$packages_file" >"$tmp"
  mv "$tmp" "$packages_file"
  echo "pinned the current versions in $packages_file;" \
    "rebuild and run the image tests (-Pimage verify)" >&2
}

# Prints the path of the verified .deb of package $1 version $2, downloading it when needed.
fetch() {
  local name=$1 version=$2 sha=$3 file downloads
  file=$cache/debs/${name}_${version//:/%3a}.deb
  if [[ -f $file ]] && echo "$sha  $file" | sha256sum --check --status; then
    echo "$file"
    return
  fi
  command -v apt-get >/dev/null ||
    die "no apt-get to download $name=$version; put its .deb at $file"
  downloads=$(mktemp -d "$cache/debs/.download.XXXXXX")
  local apt=(apt-get -qq)
  # As root apt drops to its sandbox user, which cannot write into a private home directory.
  if [[ $EUID -eq 0 ]]; then apt+=(-o APT::Sandbox::User=root); fi
  if ! (cd "$downloads" && "${apt[@]}" download "$name=$version" </dev/null >&2); then
    rm -rf "$downloads"
    local why="apt cannot download $name=$version. Debian serves only the newest version of a"
    why="$why package in a suite: run '$0 --update-pins' (after apt-get update)"
    [[ ${GITFOUNDRY_IMAGE_STRICT_PINS:-} != 1 ]] || die "$why, or put the .deb at $file"
    # A Debian update must not turn every build red: take what apt serves now, checked against
    # apt's signed index instead of our pin, and say loudly that the image is not the pinned one.
    local candidate
    candidate=$(apt-cache policy "$name" | awk '/Candidate:/ {print $2}')
    [[ -n $candidate && $candidate != "(none)" && $candidate != "$version" ]] || die "$why"
    echo "build-base-image: WARNING: $why. Building with $name=$candidate instead" \
      "(GITFOUNDRY_IMAGE_STRICT_PINS=1 refuses)." >&2
    fetch "$name" "$candidate" "$(apt-cache show "$name=$candidate" | awk '/^SHA256:/ {print $2; exit}')"
    return
  fi
  mv "$downloads"/*.deb "$file.part"
  rm -rf "$downloads"
  echo "$sha  $file.part" | sha256sum --check --status ||
    die "$name=$version does not have the pinned SHA-256 $sha"
  mv "$file.part" "$file"
  echo "$file"
}

# The cache key: everything the base image is made from.
inputs_hash() {
  (
    cd "$here"
    find . -type f ! -name '*.md' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    uname -m
  ) | sha256sum | cut -c1-16
}

# A reproducible layer: sorted entries, fixed mtime, numeric root ownership except `home/nonroot`.
write_layer() {
  local dir=$1 tar=$2
  local common=(--sort=name --format=posix --numeric-owner --mtime="$mtime" --no-acls --no-xattrs
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
  (cd "$dir" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort) >"$tar.top"
  tar --create --file="$tar" --directory="$dir" "${common[@]}" --owner=0 --group=0 \
    --exclude=home/nonroot --files-from="$tar.top"
  if [[ -d $dir/home/nonroot ]]; then
    tar --create --file="$tar.home" --directory="$dir" "${common[@]}" \
      --owner=65532 --group=65532 home/nonroot
    tar --concatenate --file="$tar" "$tar.home"
    rm "$tar.home"
  fi
  rm "$tar.top"
}

# Files keep their permission bits, made independent of the umask: readable by all, writable by
# the owner only; /tmp gets its sticky world-writable mode back afterwards.
normalize_modes() {
  chmod -R u+rwX,go+rX,go-w "$1"
}

# java.desktop is in the runtime for java.beans only; these of its libraries need X11, ALSA,
# FreeType, LittleCMS or libjpeg, which the image does not have, so they could never load.
unloadable_libraries() {
  local names=(awt_xawt jawt splashscreen fontmanager jsound lcms javajpeg) name list=()
  for name in "${names[@]}"; do
    list+=("/java.desktop/lib/lib$name.so")
  done
  (IFS=,; echo "${list[*]}")
}

status_entry() {
  dpkg-deb --field "$1" Package Source Version Architecture |
    sed '1a Status: install ok installed'
}

build() {
  local out=$1 work os java jdk_root jdk loader_dir modules name version sha layer paths
  work=$(mktemp -d "$(dirname "$out")/base-image.work.XXXXXX")
  # shellcheck disable=SC2064 # expand now: $work is local
  trap "rm -rf '$work'" EXIT
  os=$work/os
  java=$work/java
  jdk_root=$work/jdk
  mkdir -p "$os/var/lib/dpkg/status.d" "$java/var/lib/dpkg/status.d" "$jdk_root"

  while read -r -u 3 name version sha layer paths; do
    local deb extracted
    deb=$(fetch "$name" "$version" "$sha")
    if [[ $layer == jdk ]]; then
      dpkg-deb --extract "$deb" "$jdk_root"
      continue
    fi
    extracted=$work/packages/$name
    mkdir -p "$extracted"
    dpkg-deb --extract "$deb" "$extracted"
    if [[ $name == openjdk-17-jre-headless ]]; then
      dpkg-deb --extract "$deb" "$jdk_root" # jlink runs on this runtime
    fi
    local target=$os
    [[ $layer == java ]] && target=$java
    for path in $paths; do
      [[ -e $extracted/$path || -L $extracted/$path ]] || die "$name has no $path"
      (cd "$extracted" && cp -a --parents "$path" "$target")
    done
    status_entry "$deb" >"$target/var/lib/dpkg/status.d/$name"
  done 3< <(package_lines)

  cp -a "$here/rootfs/." "$os/"
  mkdir -p "$os/tmp" "$os/home/nonroot"
  normalize_modes "$os"
  chmod 1777 "$os/tmp"
  chmod 0700 "$os/home/nonroot"

  # The Debian JDK links its configuration to /etc; point those links into the extracted tree.
  while IFS= read -r link; do
    ln -sfn "$jdk_root$(readlink "$link")" "$link"
  done < <(find "$jdk_root" -type l -lname '/*')
  jdk=$jdk_root/usr/lib/jvm/java-17-openjdk-amd64
  # jlink runs on the pinned glibc through its loader, so the host's libraries do not matter.
  loader_dir=$os/lib/x86_64-linux-gnu
  modules=$(sed -e 's/#.*//' "$modules_file" | xargs | tr ' ' ',')
  mkdir -p "$java/opt"
  "$loader_dir/ld-linux-x86-64.so.2" \
    --library-path "$loader_dir:$os/usr/lib/x86_64-linux-gnu" \
    "$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages \
    --exclude-files="$(unloadable_libraries)" \
    --output "$java/opt/java"
  normalize_modes "$java"

  write_layer "$os" "$work/os.tar"
  write_layer "$java" "$work/java.tar"
  local os_diff java_diff
  os_diff=$(sha256sum "$work/os.tar" | cut -d' ' -f1)
  java_diff=$(sha256sum "$work/java.tar" | cut -d' ' -f1)
  gzip -n "$work/os.tar" "$work/java.tar"

  local jdk_version
  jdk_version=$(awk '$1 == "openjdk-17-jdk-headless" {print $2}' < <(package_lines))
  mkdir "$work/image"
  mv "$work/os.tar.gz" "$work/java.tar.gz" "$work/image/"
  cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:$os_diff","sha256:$java_diff"]},"history":[{"created":"1970-01-01T00:00:01Z","created_by":"build-base-image.sh: Debian 12 glibc, zlib, GCC runtime; user nonroot 65532"},{"created":"1970-01-01T00:00:01Z","created_by":"build-base-image.sh: jlink of Debian OpenJDK $jdk_version"}]}
JSON
  echo '[{"Config":"config.json","RepoTags":[],"Layers":["os.tar.gz","java.tar.gz"]}]' \
    >"$work/image/manifest.json"
  write_layer "$work/image" "$out"
}

main() {
  [[ $# -eq 1 ]] || die "usage: $0 <output.tar> | --update-pins"
  if [[ $1 == --update-pins ]]; then
    update_pins
    return
  fi
  [[ $(uname -s) == Linux && $(uname -m) == x86_64 ]] ||
    die "the image is linux/amd64 and jlink runs on its glibc: build it on x86_64 Linux"
  local out cached
  out=$(realpath -m "$1")
  mkdir -p "$(dirname "$out")" "$cache/debs"
  cached=$cache/base-image-$(inputs_hash).tar
  if [[ ! -f $cached ]]; then
    build "$cached.part.$$"
    mv "$cached.part.$$" "$cached"
    # Keep the three newest bases (other branches may use them); drop older ones.
    find "$cache" -maxdepth 1 -name 'base-image-*.tar' -printf '%T@ %p\n' | sort -rn |
      tail -n +4 | cut -d' ' -f2- | xargs -r rm -f
  fi
  cp "$cached" "$out"
  echo "build-base-image: $out ($(du -h "$out" | cut -f1)) from $cached" >&2
}

# Sourced (by tests/tools/gitea-image/build-gitea-image.sh) for its functions: no build.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
