#!/usr/bin/env bash
# Starts DigiClub on its embedded defaults for a first look, everything on this machine:
#   - the collector (the municipality's server) with the 32 Stara Zagora clubs as demo data,
#   - the agent, enrolled to the collector as a PC of НЧ „Родина – 1860“, printing live health,
#   - the kiosk in a window (when there is a display), talking to that agent.
# Data lives in ./dev-data (delete it to start over). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data="$root/dev-data"
port=${DIGICLUB_PORT:-8080}
password=${DIGICLUB_DEMO_PASSWORD:-demo-2026}
# the quick start's published demo PIN: the agent accepts it only with --demo (never on a club PC)
staff_pin=${DIGICLUB_STAFF_PIN:-584013}

jars=(agent/target/digiclub-agent.jar collector/target/digiclub-collector.jar kiosk/target/digiclub-kiosk.jar)
stale=""
for j in "${jars[@]}"; do
  [ -f "$j" ] || stale=1
done
if [ -z "$stale" ] && [ -n "$(find common support agent kiosk collector -newer agent/target/digiclub-agent.jar -path '*/src/main/*' -type f -print -quit)" ]; then
  stale=1
fi
if [ -n "$stale" ]; then
  echo "start.sh: building (mvn package, tests skipped)..."
  mvn -B -q -ntp package -DskipTests
fi

mkdir -p "$data"
pids=()
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

collector=(java -jar collector/target/digiclub-collector.jar)
agent=(java @agent/config/agent.jvm-options -jar agent/target/digiclub-agent.jar)

# 1. the collector, seeded once with the real clubs and demo logins
if [ ! -f "$data/collector/collector.db" ]; then
  "${collector[@]}" demo --data-dir "$data/collector" --password "$password" --code-for sz-rodina-1860 \
    | tee "$data/collector-demo.txt"
fi
"${collector[@]}" serve --host 127.0.0.1 --port "$port" --data-dir "$data/collector" >"$data/collector.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/login" 2>/dev/null && break
  sleep 0.2
done

# 2. the agent, enrolled once with the code the demo printed
cat >"$data/agent.properties" <<CONF
data-dir = $data/agent
sampling.interval-seconds = 10
upload.url = http://127.0.0.1:$port
link.socket = $data/run/agent.sock
# this machine has no visitor account: nothing of it is ended or deleted after a session
visitor.demo = true
CONF
if [ ! -f "$data/agent/enrolled" ]; then
  code=$(grep -oE '[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}' "$data/collector-demo.txt" | tail -1)
  # the code goes in on standard input: on a command line every account could read it (ps)
  printf '%s\n' "$code" | "${agent[@]}" enrol --config "$data/agent.properties"
  echo "$staff_pin" | "${agent[@]}" staff-pin --stdin --demo --config "$data/agent.properties"
  touch "$data/agent/enrolled"
fi
"${agent[@]}" run --live --config "$data/agent.properties" &
pids+=($!)

# 3. the kiosk in a window, on the real agent (whose visitor.demo ends and deletes nothing of this machine)
if [ -n "${DISPLAY:-}" ]; then
  cat >"$data/kiosk.properties" <<CONF
club.name = Читалище „Родина – 1860“, Стара Загора
agent.socket = $data/run/agent.sock
CONF
  java @kiosk/config/kiosk.jvm-options -jar kiosk/target/digiclub-kiosk.jar --demo --real-agent --config "$data/kiosk.properties" \
    >"$data/kiosk.log" 2>&1 &
  pids+=($!)
  kiosk_note="the kiosk is in a window (staff PIN $staff_pin)"
else
  kiosk_note="no display: the kiosk was not started (java -jar kiosk/target/digiclub-kiosk.jar --demo)"
fi

sleep 3
cat <<MSG

  DigiClub is running.
  Dashboard:  http://127.0.0.1:$port/   logins: obshtina / $password (all clubs), rodina / $password (one club)
  Agent:      enrolled as a PC of НЧ „Родина – 1860“; health below every 10 s, uploaded every 15 min
  Kiosk:      $kiosk_note
  Data:       $data  (delete it to start over)   Stop: Ctrl+C

MSG
wait
