#!/usr/bin/env bash
# bench/kiosk-restart/warm-standby.sh [RUNS] — would a warm standby kiosk beat a cold start?
# A minimal JavaFX program (Standby.java: a fullscreen, always-on-top stage built but not shown)
# under Xvfb + openbox with the kiosk's rc.xml, the kiosk's JVM options, two ways:
#   warm: started first, JavaFX up; the time from "show it" (a line on its stdin) to its window mapped;
#   cold: the time from `java` to its window mapped (what the supervisor's restart costs at least).
# Not the kiosk itself: the kiosk would also have its scene to build (which a standby can do ahead).
# Builds the kiosk first (for its lib/); needs Xvfb, openbox, wmctrl, x11-utils. Its temporary files
# are removed at the end, also after a failure or Ctrl+C (bench/lib.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/bench/lib.sh"
runs=${1:-5}
bench_tmpdir warm-standby
bench_build kiosk || exit 1
cp=$(ls "$repo"/kiosk/target/lib/javafx-*.jar | tr '\n' ':')
javac -d "$work" -cp "$cp" "$here/Standby.java" || exit 2
cp+=$work
disp=:$((500 + RANDOM % 400))
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & bench_started $!
sleep 1; export DISPLAY=$disp
openbox --config-file "$repo/installer/src/main/resources/payload/linux/etc/digiclub/openbox/rc.xml" >/dev/null 2>&1 & bench_started $!
sleep 1
now() { echo $(( $(date +%s%N) / 1000000 )); }
mapped() { local w; w=$(wmctrl -lp | awk -v p="$1" '$3 == p { print $1; exit }'); [ -n "$w" ] && xwininfo -id "$w" | grep -q IsViewable; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
for mode in warm cold; do
  : >"$work/$mode"
  for _ in $(seq "$runs"); do
    rm -f "$work/f"; mkfifo "$work/f"
    if [ "$mode" = warm ]; then
      java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" Standby <"$work/f" >"$work/out" 2>/dev/null & jp=$!; bench_started $jp
      exec 3>"$work/f"
      for _ in $(seq 200); do grep -q ready "$work/out" && break; sleep 0.05; done; sleep 1
      t0=$(now); echo go >&3
    else
      t0=$(now)
      java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" Standby <"$work/f" >"$work/out" 2>/dev/null & jp=$!; bench_started $jp
      exec 3>"$work/f"; echo go >&3
    fi
    for _ in $(seq 1000); do mapped "$jp" && break; sleep 0.01; done
    echo $(( $(now) - t0 )) >>"$work/$mode"
    exec 3>&-; kill "$jp"; wait "$jp" 2>/dev/null; sleep 0.5
  done
  echo "$mode: median $(median <"$work/$mode") ms, runs: $(tr '\n' ' ' <"$work/$mode")"
done
