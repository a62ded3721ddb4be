#!/usr/bin/env bash
# Runs one test class N times in a row, each time in a fresh JVM as `./mvnw verify` runs it, to check
# that a flake is fixed (or to catch one):
#
#   bash tests/repeat.sh [-n N] CLASS [-- MAVEN_ARGS...]
#   bash tests/repeat.sh -n 10 PollSchedulerIT
#   bash tests/repeat.sh -n 5 OperatorImageE2E -- -Pimage
#
# CLASS is a simple class name (*Test with Surefire, *IT and *E2E with Failsafe); its module is
# found from its file. The image profile is off unless you pass -Pimage. Each run's output is kept
# in target/repeat/CLASS/run-I.log; the script ends with "K of N runs failed" and exits non-zero
# when any did.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
while getopts "n:" option; do
  case $option in
    n) runs=$OPTARG ;;
    *) echo "usage: $0 [-n N] CLASS [-- MAVEN_ARGS...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-n N] CLASS [-- MAVEN_ARGS...]" >&2; exit 2; }
class=$1
shift
[ "${1:-}" != "--" ] || shift
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "N must be a positive number: $runs" >&2; exit 2; }

file=$(find . -path ./node_modules -prune -o -path '*/src/test/java/*' -name "$class.java" -print | head -n1)
[ -n "$file" ] || { echo "no test class $class under */src/test/java" >&2; exit 2; }
module=${file%%/src/test/java/*}
module=${module#./}

# Other modules of the reactor have no such class: only its own report tells that it ran.
case $class in
  *IT | *E2E) select=(-Dtest=none "-Dit.test=$class") reports=$module/target/failsafe-reports ;;
  *) select=("-Dtest=$class" -Dit.test=none) reports=$module/target/surefire-reports ;;
esac
select+=(-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)
profile=("-P!image")
for argument in "$@"; do
  [[ $argument == -P* ]] && profile=()
done

# True when the report exists and counts at least one test (a skipped class runs none).
ran() {
  [ -f "$1" ] && ! grep -q '<testsuite[^>]* tests="0"' "$1" && ! grep -q '<testsuite[^>]* skipped="[1-9]' "$1"
}

logs=target/repeat/$class
mkdir -p "$logs"
failed=()
for run in $(seq "$runs"); do
  started=$SECONDS
  rm -f "$reports"/TEST-*."$class".xml
  # The other modules run no IT here, and Failsafe's verify then reads their last summary: an
  # earlier failure there would fail this run.
  find . -path '*/target/failsafe-reports/failsafe-summary.xml' -delete
  if ./mvnw -B "${profile[@]}" -pl "$module" -am verify "${select[@]}" "$@" >"$logs/run-$run.log" 2>&1 &&
    ran "$reports"/TEST-*."$class".xml; then
    outcome=passed
  else
    outcome=FAILED
    failed+=("$run")
  fi
  echo "[repeat] $class run $run/$runs: $outcome in $((SECONDS - started)) s ($logs/run-$run.log)"
done
echo "[repeat] $class: ${#failed[@]} of $runs runs failed${failed:+ (runs ${failed[*]})}"
[ ${#failed[@]} -eq 0 ]
