#!/bin/sh
# End of session -> done, side by side in one run: (a) the agent's visitor account (programs
# ended by account, whole home renamed aside and rebuilt from a template) and (b) today's kiosk
# path (SessionProcesses.endAll with its grace period, then ConfiguredPrivacyWipe in home-template
# mode with the trash). A generated 200 MB Chromium-like profile in the home, 5 programs of the
# visitor that ignore SIGTERM. Needs root (creates the account digiclub-visitor-bench).
# Arguments go to VisitorResetBenchmark: --runs N --size-mb MB --apps N --grace-ms MS --dir DIR --agent-only
# Builds the agent and the kiosk first; the homes go to a temporary directory (or below --dir),
# removed at the end with every program of digiclub-visitor-bench, also after a failure or Ctrl+C.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
. "$repo/bench/lib.sh"
[ "$(id -u)" = 0 ] || { echo "run.sh: needs root (it creates the account digiclub-visitor-bench and acts as it)" >&2; exit 2; }
bench_tmpdir reset   # short: the agent's socket path below it must stay under 100 bytes
chmod 0755 "$work"   # the visitor's programs run in a home below it
bench_on_exit 'pkill -KILL -u digiclub-visitor-bench 2>/dev/null'
bench_build agent,kiosk
cd "$repo"
cp="agent/target/classes:agent/target/lib/*:kiosk/target/classes:kiosk/target/lib/*"
sources="$here/VisitorResetBenchmark.java"
# (b) needs the kiosk's wipe, which issue 9 removed from the kiosk: on a checkout from before the
# merge (git checkout 6446556) both run side by side; on main only (a) runs.
if [ -f kiosk/src/main/java/bg/digiclub/kiosk/wipe/ConfiguredPrivacyWipe.java ]; then
    sources="$sources $here/KioskEndOfSession.java"
fi
mkdir "$work/classes"
javac -nowarn -d "$work/classes" -cp "$cp" $sources
java -cp "$work/classes:$cp" -Djava.io.tmpdir="$work" -Dlogback.configurationFile="$here/logback.xml" VisitorResetBenchmark "$@" &
bench_started $!
wait $!
