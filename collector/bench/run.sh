#!/bin/sh
# Runs a collector benchmark (a test-scope main class in bg.digiclub.collector.bench) with the
# test class path. Usage, from the repository root:
#   collector/bench/run.sh IntakeBenchmark --store sqlite
# Builds nothing: run `mvn -B -q -pl collector -am test-compile` first.
# As root the JVM runs under unshare -U, so that an embedded PostgreSQL can start (initdb refuses root).
set -e
cd "$(dirname "$0")/.."
class="$1"; shift
if [ ! -f target/bench-classpath.txt ] || [ pom.xml -nt target/bench-classpath.txt ]; then
  mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null \
    || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
cp="target/test-classes:target/classes:../common/target/classes:$(cat target/bench-classpath.txt)"
if [ "$(id -u)" = 0 ] && unshare -U true 2>/dev/null; then
  exec unshare -U java -Xmx2g -cp "$cp" "bg.digiclub.collector.bench.$class" "$@"
fi
exec java -Xmx2g -cp "$cp" "bg.digiclub.collector.bench.$class" "$@"
