#!/usr/bin/env bash
# Runs one benchmark program, from a fresh clone: builds what it needs with the Maven wrapper (a
# reactor build of the benchmark's module and the modules it depends on, tests skipped, nothing
# installed), then runs the program in a JVM of its own from the repository root.
#
#   bash tests/bench.sh NAME [ARGS...]
#
# Every benchmark prints its human text and one line per figure, `bench <name> <value> <unit>`,
# each compared with a baseline measured in the same run. `grep '^bench '` keeps only those.
#
# BENCH_PROFILE=<dir>: Java Flight Recordings (settings=profile) into <dir>: the operator process
# of `loop`, the benchmark JVM of the others; `bash tests/bench.sh jfr <file.jfr>` summarizes one
# (hot methods, allocation sites, threads).
# BENCH_SKIP_BUILD=1 reuses the previous build of the same module.
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: bash tests/bench.sh NAME [ARGS...]
  loop [apps] [pushes]  one commit of N apps -> all Ready, one-app pushes -> pending/success,
                        the operator in its own process (chart JVM flags, 768 Mi heap);
                        baseline: the same StatefulSets and Services by plain parallel SSA
  apply [apps]          delivery pipeline: first, unchanged and one-app deliveries;
                        baseline: plain parallel SSA of the same objects
  compile               10,000-app compile; baseline: SnakeYAML parse of the same bytes
  poll                  unchanged polls and a one-file change; baseline: JGit directly
  previews [rounds]     pull request -> preview success -> closed -> gone;
                        baseline: the preview's objects applied and deleted directly
  cfapps [apps]         `cf apps` in a space of N apps; baseline: one list of the CFApps
  jfr <file.jfr>        summary of a flight recording (no build of the operator)
EOF
  exit 2
}

[ $# -ge 1 ] || usage
name=$1
shift

case $name in
  loop) module=tests/e2e main=dev.gitfoundry.e2e.bench.LoopBenchmark ;;
  previews) module=tests/e2e main=dev.gitfoundry.e2e.preview.PreviewBenchmark ;;
  cfapps) module=tests/e2e main=dev.gitfoundry.e2e.cfapi.CfAppsBenchmark ;;
  jfr) module=tests/e2e main=dev.gitfoundry.e2e.bench.FlightRecordingSummary ;;
  apply) module=operator main=dev.gitfoundry.operator.delivery.ApplyBenchmark ;;
  compile) module=manifest-compiler main=dev.gitfoundry.compiler.benchmark.CompilerBenchmark ;;
  poll) module=git-sync main=dev.gitfoundry.gitsync.PollBenchmark ;;
  *) usage ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
classpath_file=$module/target/bench-classpath.txt

if [ "${BENCH_SKIP_BUILD:-}" != 1 ] || [ ! -f "$classpath_file" ]; then
  echo "[bench] building $module and what it depends on (./mvnw package, tests skipped)" >&2
  # One reactor, so sibling modules resolve to their fresh target/ jars, never to an installed
  # (possibly stale) SNAPSHOT. The image profile is off: no benchmark runs the container image.
  ./mvnw -B -q -P'!image' -pl "$module" -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi

# As in the Maven build: Testcontainers' reaper image cannot be had here; the fixtures remove their
# containers themselves (README, "Tests in a container engine").
export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}

java_options=()
if [ -n "${BENCH_PROFILE:-}" ]; then
  mkdir -p "$BENCH_PROFILE"
  BENCH_PROFILE=$(cd "$BENCH_PROFILE" && pwd)
  export BENCH_PROFILE
  if [ "$name" != loop ] && [ "$name" != jfr ]; then
    java_options+=("-XX:StartFlightRecording=filename=$BENCH_PROFILE/$name.jfr,settings=profile,dumponexit=true")
  fi
fi

echo "[bench] $name $* ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
exec java "${java_options[@]}" \
  -Dgitfoundry.jar="$root/operator/target/gitfoundry.jar" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  "$main" "$@"
