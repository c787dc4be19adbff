#!/bin/sh
# End of session -> done, side by side in one run: (a) the agent's visitor account (programs
# ended by account, whole home renamed aside and rebuilt from a template) and (b) today's kiosk
# path (SessionProcesses.endAll with its grace period, then ConfiguredPrivacyWipe in home-template
# mode with the trash). A generated 200 MB Chromium-like profile in the home, 5 programs of the
# visitor that ignore SIGTERM. Needs root (creates the account digiclub-visitor-bench).
# Arguments go to VisitorResetBenchmark: --runs N --size-mb MB --apps N --grace-ms MS --dir DIR --agent-only
# MVN_FLAGS (e.g. -o) is passed to the build.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
mvn -B -q ${MVN_FLAGS:-} -pl agent,kiosk -am package -DskipTests
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cp="agent/target/classes:agent/target/lib/*:kiosk/target/classes:kiosk/target/lib/*"
sources="$here/VisitorResetBenchmark.java"
# (b) needs the kiosk's wipe, which issue 9 removed from the kiosk: on a checkout from before the
# merge (git checkout 6446556) both run side by side; on main only (a) runs.
if [ -f kiosk/src/main/java/bg/digiclub/kiosk/wipe/ConfiguredPrivacyWipe.java ]; then
    sources="$sources $here/KioskEndOfSession.java"
fi
javac -nowarn -d "$out" -cp "$cp" $sources
exec java -cp "$out:$cp" -Dlogback.configurationFile="$here/logback.xml" VisitorResetBenchmark "$@"
