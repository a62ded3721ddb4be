#!/usr/bin/env bash
# Builds the real components the integration tests run against (no Docker needed):
# kube-apiserver, kubectl, kube-controller-manager, kube-scheduler, etcd, kwok, Gitea, cf CLI, Helm.
# Everything is compiled from pinned Go module versions into a cache directory, so it is
# reproducible, survives between runs and can be cached by CI. Idempotent and safe to run
# concurrently: a second run waits for the first one and then finds everything cached.
set -euo pipefail

# ---- Pinned versions: change one and the next run rebuilds just that component. -------------
KUBERNETES_VERSION=1.34.4     # kube-apiserver, kubectl, kube-controller-manager, kube-scheduler
ETCD_VERSION=3.6.16
KWOK_VERSION=0.8.0
GITEA_VERSION=1.25.4
CF_CLI_VERSION=8.18.3
HELM_VERSION=3.19.5
HELM_KUBE_MINOR=34 # the client-go minor version Helm $HELM_VERSION is built with
KPACK_VERSION=0.18.0 # only its CRDs (config/*.yaml in the module): nothing is built
# Bump when the way a component is built changes, so caches built the old way are redone.
RECIPE=1

SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
TOOLS_DIR="${GITFOUNDRY_TOOLS_DIR:-$HOME/.cache/gitfoundry}"
BIN_DIR="$TOOLS_DIR/bin"
STAMP_DIR="$TOOLS_DIR/stamps"
WORK_DIR="$TOOLS_DIR/build"
KUBEAPITEST_BIN_DIR="$TOOLS_DIR/kubeapitest/k8s/${KUBERNETES_VERSION}-linux-amd64"
TIMINGS_LOG="$TOOLS_DIR/provision-timings.log"

# Go's caches live inside the tools directory so that one cache directory is all CI must keep.
export GOPATH="$TOOLS_DIR/go"
export GOMODCACHE="$GOPATH/pkg/mod"
export GOCACHE="$TOOLS_DIR/go-build"
export GOFLAGS="-mod=mod -buildvcs=false"
export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}"

log() { echo "[provision] $*"; }
fail() { echo "[provision] ERROR: $*" >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_os_packages() {
  local missing=()
  command -v gcc >/dev/null || missing+=(gcc)
  [ -e /usr/include/stdio.h ] || missing+=(libc6-dev)
  command -v git >/dev/null || missing+=(git)
  command -v unzip >/dev/null || missing+=(unzip)
  [ ${#missing[@]} -eq 0 ] && return
  command -v apt-get >/dev/null || fail "missing ${missing[*]} and no apt-get; install them yourself"
  log "installing OS packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# Only a build needs Go, so a machine with a restored cache does not.
find_go() {
  if ! command -v go >/dev/null && [ -x /usr/local/go/bin/go ]; then
    export PATH="/usr/local/go/bin:$PATH"
  fi
  command -v go >/dev/null || fail "Go 1.24 or newer is required: install it and put it on PATH"
}

# A component is cached when its stamp records the same pin and recipe and its files exist.
is_cached() { # name stamp-content files...
  local name=$1 expected=$2; shift 2
  [ -f "$STAMP_DIR/$name" ] && [ "$(cat "$STAMP_DIR/$name")" = "$expected" ] || return 1
  local f; for f in "$@"; do [ -x "$f" ] || return 1; done
}

# Runs a build step with a progress line and records how long it really took.
build_component() { # name version minutes-estimate stamp-content builder-function files...
  local name=$1 version=$2 estimate=$3 stamp=$4 builder=$5; shift 5
  if is_cached "$name" "$stamp" "$@"; then
    log "$name $version: cached"
    return
  fi
  find_go
  log "$name $version: building (about $estimate min on 2 cores)…"
  local started=$SECONDS
  "$builder"
  local f; for f in "$@"; do [ -x "$f" ] || fail "$name: $f was not produced"; done
  echo "$stamp" >"$STAMP_DIR/$name"
  local took=$((SECONDS - started))
  log "$name $version: built in ${took}s"
  echo "$(date -u +%FT%TZ) $name $version ${took}s" >>"$TIMINGS_LOG"
}

# k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with ./staging
# paths, which Go ignores in a dependency; a wrapper module pins each one to its release tag.
prepare_kubernetes_module() {
  local dir="$WORK_DIR/kubernetes-$KUBERNETES_VERSION"
  if [ ! -f "$dir/.ready" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    (
      cd "$dir"
      go mod init local/kubernetes-build >/dev/null 2>&1
      go mod edit -require="k8s.io/kubernetes@v$KUBERNETES_VERSION"
      local gomod
      gomod=$(go mod download -json "k8s.io/kubernetes@v$KUBERNETES_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
      local staging
      for staging in $(grep -o 'k8s.io/[a-z0-9-]* => ./staging' "$gomod" | cut -d' ' -f1); do
        go mod edit -replace="$staging=$staging@v0.${KUBERNETES_VERSION#1.}"
      done
    )
    touch "$dir/.ready"
  fi
  echo "$dir"
}

kubernetes_ldflags() {
  local minor=${KUBERNETES_VERSION#1.}; minor=${minor%%.*}
  local flags="-s -w" pkg
  for pkg in k8s.io/client-go/pkg/version k8s.io/component-base/version; do
    flags="$flags -X $pkg.gitVersion=v$KUBERNETES_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    flags="$flags -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  echo "$flags"
}

build_kubernetes_command() { # command
  local dir; dir=$(prepare_kubernetes_module)
  (cd "$dir" && CGO_ENABLED=0 go build -trimpath -ldflags "$(kubernetes_ldflags)" \
    -o "$BIN_DIR/$1" "k8s.io/kubernetes/cmd/$1")
}
build_kube_apiserver() { build_kubernetes_command kube-apiserver; }
build_kubectl() { build_kubernetes_command kubectl; }
build_kube_controller_manager() { build_kubernetes_command kube-controller-manager; }
build_kube_scheduler() { build_kubernetes_command kube-scheduler; }

# Builds one package of a pinned module inside a throwaway wrapper module. Unlike
# `go install pkg@version` this tolerates replace directives in the module's go.mod (etcd) and
# never asks the proxy for the module's version list (refused for the cf CLI by some proxies).
build_in_wrapper_module() { # module version package output ldflags
  local module=$1 version=$2 package=$3 output=$4 ldflags=$5
  local dir="$WORK_DIR/$(basename "$output")-$version"
  rm -rf "$dir" && mkdir -p "$dir"
  (
    cd "$dir"
    go mod init "local/$(basename "$output")-build" >/dev/null 2>&1
    go mod edit -require="$module@$version"
    CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$output" "$package"
  )
}

build_etcd() {
  build_in_wrapper_module go.etcd.io/etcd/server/v3 "v$ETCD_VERSION" go.etcd.io/etcd/server/v3 \
    "$BIN_DIR/etcd" "-s -w"
}

build_cf() {
  build_in_wrapper_module code.cloudfoundry.org/cli/v8 "v$CF_CLI_VERSION" code.cloudfoundry.org/cli/v8 \
    "$BIN_DIR/cf" "-s -w -X code.cloudfoundry.org/cli/v8/version.binaryVersion=$CF_CLI_VERSION"
}

build_kwok() {
  build_in_wrapper_module sigs.k8s.io/kwok "v$KWOK_VERSION" sigs.k8s.io/kwok/cmd/kwok \
    "$BIN_DIR/kwok" "-s -w"
  # kwok has no built-in stages; the fixtures point --config at the stages shipped in its module.
  go mod download "sigs.k8s.io/kwok@v$KWOK_VERSION"
}

build_helm() {
  # As helm's Makefile does: the Kubernetes version of its client-go is what `helm template` and
  # `helm lint` assume without a cluster (otherwise 1.20, below the chart's kubeVersion).
  local kube="-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$HELM_KUBE_MINOR"
  kube="$kube -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$HELM_KUBE_MINOR"
  build_in_wrapper_module helm.sh/helm/v3 "v$HELM_VERSION" helm.sh/helm/v3/cmd/helm "$BIN_DIR/helm" \
    "-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION $kube"
}

# Gitea's go.mod has replace and exclude directives; the wrapper module copies them verbatim.
build_gitea() {
  local dir="$WORK_DIR/gitea-$GITEA_VERSION"
  rm -rf "$dir" && mkdir -p "$dir"
  (
    cd "$dir"
    go mod init local/gitea-build >/dev/null 2>&1
    go mod edit -require="code.gitea.io/gitea@v$GITEA_VERSION"
    local gomod
    gomod=$(go mod download -json "code.gitea.io/gitea@v$GITEA_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
    awk '/^(replace|exclude) \($/ {block=1} block {print} block && /^\)$/ {block=0; next}
         /^(replace|exclude) [^(]/ {print}' "$gomod" >>go.mod
    # The sources (templates, locales, public/) come along in the module cache for STATIC_ROOT_PATH.
    go mod download "code.gitea.io/gitea@v$GITEA_VERSION"
    CGO_ENABLED=1 go build -trimpath -tags 'sqlite sqlite_unlock_notify' \
      -ldflags "-s -w -X main.Version=$GITEA_VERSION -X 'main.Tags=sqlite sqlite_unlock_notify'" \
      -o "$BIN_DIR/gitea" code.gitea.io/gitea
  )
}

# kpack's CustomResourceDefinitions, as released: its Go module holds them in config/. The
# operator stages buildpack apps through kpack Images when these are served, so tests and the
# demo install the real definitions rather than hand-written stand-ins. Nothing is compiled.
fetch_kpack_crds() {
  local stamp="$KPACK_VERSION-r$RECIPE" dir="$GOMODCACHE/github.com/pivotal/kpack@v$KPACK_VERSION/config"
  if [ -f "$STAMP_DIR/kpack-crds" ] && [ "$(cat "$STAMP_DIR/kpack-crds")" = "$stamp" ] \
    && [ -f "$dir/image.yaml" ]; then
    log "kpack CRDs v$KPACK_VERSION: cached"
    return
  fi
  find_go
  log "kpack CRDs v$KPACK_VERSION: downloading the module"
  go mod download "github.com/pivotal/kpack@v$KPACK_VERSION"
  [ -f "$dir/image.yaml" ] || fail "kpack CRDs: $dir/image.yaml missing from the module"
  echo "$stamp" >"$STAMP_DIR/kpack-crds"
}

# kube-api-test looks for exactly these three binaries in <dir>/k8s/<version>-linux-amd64/.
link_kubeapitest_layout() {
  mkdir -p "$KUBEAPITEST_BIN_DIR"
  local b; for b in kube-apiserver etcd kubectl; do ln -sfn "$BIN_DIR/$b" "$KUBEAPITEST_BIN_DIR/$b"; done
}

# The browser of the status-page test: Debian packages installed with apt, not built (own script).
# Only StatusPageBrowserE2E needs it, and it runs the script again when the browser is missing
# (failing with its output), so a failed install here must not stop every other test.
install_browser() {
  bash "$(dirname "$SCRIPT")/provision-browser.sh" || log "WARNING: browser not installed (see above)"
}

# The Java fixtures read this file instead of duplicating the pins; the script's checksum tells
# them to rerun this script after a pin changed.
write_tools_properties() {
  cat >"$TOOLS_DIR/tools.properties.tmp" <<PROPS
# Written by tests/tools/provision.sh; read by dev.gitfoundry.testing.Tools.
kubernetes.version=$KUBERNETES_VERSION
etcd.version=$ETCD_VERSION
kwok.version=$KWOK_VERSION
gitea.version=$GITEA_VERSION
cf.version=$CF_CLI_VERSION
helm.version=$HELM_VERSION
script.sha256=$(sha256sum "$SCRIPT" | cut -d' ' -f1)
bin.dir=$BIN_DIR
kubeapitest.dir=$TOOLS_DIR/kubeapitest
gitea.static.root=$GOMODCACHE/code.gitea.io/gitea@v$GITEA_VERSION
kwok.stages=$GOMODCACHE/sigs.k8s.io/kwok@v$KWOK_VERSION/kustomize/stage/fast
kpack.version=$KPACK_VERSION
kpack.config=$GOMODCACHE/github.com/pivotal/kpack@v$KPACK_VERSION/config
PROPS
  mv "$TOOLS_DIR/tools.properties.tmp" "$TOOLS_DIR/tools.properties"
}

main() {
  mkdir -p "$TOOLS_DIR" "$BIN_DIR" "$STAMP_DIR" "$WORK_DIR"
  exec 9>"$TOOLS_DIR/.provision.lock"
  if ! flock -n 9; then
    log "another provisioning run holds $TOOLS_DIR/.provision.lock; waiting for it"
    flock 9
  fi
  install_os_packages
  log "tools directory: $TOOLS_DIR"
  local started=$SECONDS k8s="$KUBERNETES_VERSION-r$RECIPE"
  # Written first so that tests needing only the components already built can run meanwhile.
  write_tools_properties

  # Ordered so that the plain API server is usable first, the forge and CLI next. The estimates
  # are cold builds measured on 2 busy cores; later Kubernetes binaries reuse the build cache.
  build_component kube-apiserver "v$KUBERNETES_VERSION" 9 "$k8s" build_kube_apiserver "$BIN_DIR/kube-apiserver"
  build_component etcd "v$ETCD_VERSION" 2 "$ETCD_VERSION-r$RECIPE" build_etcd "$BIN_DIR/etcd"
  build_component kubectl "v$KUBERNETES_VERSION" 2 "$k8s" build_kubectl "$BIN_DIR/kubectl"
  link_kubeapitest_layout
  build_component gitea "v$GITEA_VERSION" 8 "$GITEA_VERSION-r$RECIPE" build_gitea "$BIN_DIR/gitea"
  build_component cf "v$CF_CLI_VERSION" 1 "$CF_CLI_VERSION-r$RECIPE" build_cf "$BIN_DIR/cf"
  build_component kube-controller-manager "v$KUBERNETES_VERSION" 2 "$k8s" build_kube_controller_manager "$BIN_DIR/kube-controller-manager"
  build_component kube-scheduler "v$KUBERNETES_VERSION" 1 "$k8s" build_kube_scheduler "$BIN_DIR/kube-scheduler"
  build_component kwok "v$KWOK_VERSION" 5 "$KWOK_VERSION-r$RECIPE" build_kwok "$BIN_DIR/kwok"
  build_component helm "v$HELM_VERSION" 3 "$HELM_VERSION-k1.$HELM_KUBE_MINOR-r$RECIPE" build_helm "$BIN_DIR/helm"
  fetch_kpack_crds
  install_browser
  log "all components ready in $TOOLS_DIR ($((SECONDS - started))s this run)"
}

main "$@"
