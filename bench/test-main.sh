#!/bin/sh
# bench/test-main.sh MODULE CLASS [ARGS...] — runs a benchmark program kept in a module's tests
# (a main class in src/test/java, e.g. the collector's IntakeBenchmark or the agent's YearSimulation)
# with that module's test class path, from the module's directory. Builds what it needs first
# (the module and the modules it uses, tests compiled, not run) in one reactor, so it works from a
# fresh clone with nothing installed in the local Maven repository; offline first, then online.
# The JVM's temporary files (java.io.tmpdir: SQLite's native library, an embedded PostgreSQL) go
# to a directory of this run, removed at the end. As root the JVM runs under unshare -U, so that an
# embedded PostgreSQL can start (initdb refuses root).
#   bench/test-main.sh collector bg.digiclub.collector.bench.IntakeBenchmark --store sqlite
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/bench/lib.sh"
[ $# -ge 2 ] || { echo "usage: bench/test-main.sh MODULE CLASS [ARGS...]" >&2; exit 2; }
module=$1
class=$2
shift 2
[ -f "$repo/$module/pom.xml" ] || { echo "test-main.sh: no module $module" >&2; exit 2; }
bench_tmpdir "$module-bench"
cd "$repo"
build() {
  mvn -B -q -ntp "$@" -pl "$module" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-classpath.txt
}
build -o >"$work/build.log" 2>&1 || build >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
cd "$module"
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "$(id -u)" = 0 ] && unshare -U true 2>/dev/null; then
  set -- unshare -U java "-Djava.io.tmpdir=$work" -Xmx2g -cp "$cp" "$class" "$@"
else
  set -- java "-Djava.io.tmpdir=$work" -Xmx2g -cp "$cp" "$class" "$@"
fi
"$@" &
bench_started $!
wait $!
