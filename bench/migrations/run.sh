#!/bin/sh
# Cold JVM start to a migrated agent database: the agent's own runner (bg.digiclub.support.sql.Migrations
# through Database.open) beside Flyway on the same scripts and SQLite settings, in one run, each start a
# fresh JVM with the agent's options (agent/config/agent.jvm-options). Figures: docs/benchmarks.md.
#   bench/migrations/run.sh [--runs N]          (default 10 starts per side)
# MVN_FLAGS (e.g. -o) is passed to the builds. Everything it writes goes to one temporary directory,
# removed at the end.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
mvn -B -q ${MVN_FLAGS:-} -pl agent -am package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/flyway" "$work/classes" "$work/db"
mvn -B -q ${MVN_FLAGS:-} -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/flyway"
cp="agent/target/classes:agent/target/lib/*:$work/flyway/*"
javac -nowarn -d "$work/classes" -cp "$cp" "$here/MigrationStartBenchmark.java"
# the agent's JVM options, and the same logging for both sides; temporary files (sqlite's native
# library) into the work directory
grep -v '^#' agent/config/agent.jvm-options > "$work/jvm-options"
printf '%s\n' "-Dlogback.configurationFile=$here/logback.xml" "-Djava.io.tmpdir=$work" >> "$work/jvm-options"
java -Dbench.jvmOptions="$work/jvm-options" -cp "$work/classes:$cp" MigrationStartBenchmark run --dir "$work/db" "$@"
