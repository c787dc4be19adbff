#!/usr/bin/env bash
# cds-archive.sh — records a class-data-sharing archive of the kiosk's start-up classes.
#
#   kiosk/scripts/cds-archive.sh [JAR] [ARCHIVE]   (defaults: kiosk/target/digiclub-kiosk.jar, next to the jar: digiclub-kiosk.jsa)
#
# Starts the kiosk once with -XX:ArchiveClassesAtExit and --exit-when-ready (under Xvfb when
# there is no DISPLAY). Starting it later with
#   java -XX:SharedArchiveFile=ARCHIVE -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar JAR
# roughly halves its cold start (see docs/kiosk.md, Benchmarks). The archive is tied to the
# JDK and the jar: record it again after either changes (the JVM silently ignores a stale one).
set -u
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../target/digiclub-kiosk.jar}")
archive=${2:-$(dirname "$jar")/digiclub-kiosk.jsa}
[ -f "$jar" ] || { echo "cds-archive: no $jar"; exit 2; }
run() {
  timeout 120 java -XX:ArchiveClassesAtExit="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" --exit-when-ready --config "$here/../config/kiosk.example.properties"
}
if [ -n "${DISPLAY:-}" ]; then
  run
else
  command -v Xvfb >/dev/null || { echo "cds-archive: no DISPLAY and no Xvfb"; exit 2; }
  disp=:$((500 + RANDOM % 400))
  Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
  sleep 1
  DISPLAY=$disp run
  kill $xpid 2>/dev/null
fi
[ -s "$archive" ] || { echo "cds-archive: no archive written"; exit 1; }
echo "cds-archive: $archive ($(du -h "$archive" | cut -f1))"
