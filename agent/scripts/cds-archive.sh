#!/usr/bin/env bash
# cds-archive.sh — records a class-data-sharing archive of the agent's classes.
#
#   agent/scripts/cds-archive.sh [JAR] [ARCHIVE]   (defaults: agent/target/digiclub-agent.jar, next to the jar: digiclub-agent.jsa)
#
# Runs the agent once, with its shipped JVM options and -XX:ArchiveClassesAtExit, on a throw-away
# data directory for a few health samples, then stops it (SIGTERM; the archive is written as the
# JVM exits). Starting it later with
#   java @agent/config/agent.jvm-options -XX:SharedArchiveFile=ARCHIVE -jar JAR run
# maps those classes from the archive instead of parsing them into memory of its own: less resident
# memory and a cheaper start (docs/benchmarks.md). The installer records one per PC, like the
# kiosk's. The archive is tied to the JDK and the jar's path: record it again after either
# changes. Give the option only when the file exists: a missing archive switches class-data
# sharing off altogether, the JDK's own archive too.
set -u
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../target/digiclub-agent.jar}")
archive=$(realpath -m "${2:-$(dirname "$jar")/digiclub-agent.jsa}")
[ -f "$jar" ] || { echo "cds-archive: no $jar"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"
java @"$here/../config/agent.jvm-options" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$jar" run --data-dir "$work/data" --interval 2 >"$work/agent.out" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  [ -f "$work/data/status.json" ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
sleep 5 # a few more samples at the 2 s interval
kill -TERM $pid 2>/dev/null
wait $pid
[ -s "$archive" ] || { echo "cds-archive: no archive written"; tail -20 "$work/agent.out"; exit 1; }
echo "cds-archive: $archive ($(du -h "$archive" | cut -f1))"
