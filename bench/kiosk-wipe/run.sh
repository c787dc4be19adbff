#!/bin/sh
# Kiosk end-of-session benchmark: ending the session's programs + privacy wipe of a generated
# Chromium-like profile (200 MB by default). Prints per-run figures and the median.
# Arguments go to bg.digiclub.kiosk.wipe.WipeBenchmark: --runs N --size-mb MB --apps N --grace-ms MS --threads N --trash --dir DIR
# MVN_FLAGS (e.g. -o) is passed to the build.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
mvn -B -q ${MVN_FLAGS:-} -pl kiosk -am package -DskipTests
exec java -cp "kiosk/target/classes:kiosk/target/test-classes:kiosk/target/lib/*" \
    -Dlogback.configurationFile="$here/logback.xml" \
    bg.digiclub.kiosk.wipe.WipeBenchmark "$@"
