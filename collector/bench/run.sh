#!/bin/sh
# Runs a collector benchmark (a test-scope main class in bg.digiclub.collector.bench) with the
# test class path. Usage, from the repository root:
#   collector/bench/run.sh IntakeBenchmark --store sqlite
# Builds what it needs first (collector and the modules it uses, tests included, not run), in one
# reactor, so it works from a fresh clone with nothing installed in the local Maven repository.
# As root the JVM runs under unshare -U, so that an embedded PostgreSQL can start (initdb refuses root).
set -e
cd "$(dirname "$0")/../.."
class="$1"; shift
mvn -B -q -ntp -o -pl collector -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
  || mvn -B -q -ntp -pl collector -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cd collector
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ "$(id -u)" = 0 ] && unshare -U true 2>/dev/null; then
  exec unshare -U java -Xmx2g -cp "$cp" "bg.digiclub.collector.bench.$class" "$@"
fi
exec java -Xmx2g -cp "$cp" "bg.digiclub.collector.bench.$class" "$@"
