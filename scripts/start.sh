#!/usr/bin/env bash
# Starts DigiClub on its embedded defaults for a first look: builds if needed, then runs the
# agent with its data in ~/.digiclub/agent, printing the PC's health every 10 seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f agent/target/digiclub-agent.jar ] || [ -n "$(find agent common -newer agent/target/digiclub-agent.jar -name '*.java' -print -quit)" ]; then
  mvn -B -q -ntp package -DskipTests
fi
exec java -jar agent/target/digiclub-agent.jar run --interval 10 "$@"
