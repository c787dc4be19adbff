#!/usr/bin/env bash
# bench/kiosk-idle/run.sh [SECONDS] — the kiosk's lock screen beside the Libki client's login
# window, idle, in one run: what each costs while a club PC waits for its next visitor.
#
# Each program gets an Xvfb display of its own (1280x800, openbox: the kiosk takes the focus back
# whenever it loses it, so two lock screens on one display would measure their quarrel), all are
# started together, and from WARMUP seconds after start (default 30) until SECONDS (default 90)
# the script reads every 10 s, from /proc, each process's CPU time (the sum of its threads'
# schedstat run time, in ns; the stat ticks' total as a check) and resident memory (VmRSS).
# It prints each 10 s interval, then per program the median and range of CPU ms per 10 s, the
# RSS at the end and its peak, and the load average before and after; a picture of each display
# at the end goes to target/bench/kiosk-idle/ (look at them: a program that died or shows an error
# measures nothing). Its temporary files (logs, per-interval figures) are removed at the end, also
# after a failure or Ctrl+C, with every program it started.
#
#   LIBKI=/path/to/libkiclient     the Libki client (bench/kiosk-idle/build-libki.sh builds it);
#                                  default none: the kiosk alone
#   KIOSK_JAR, KIOSK_JAVA_OPTS     the kiosk measured (default kiosk/target/digiclub-kiosk.jar, built
#                                  first, with @kiosk/config/kiosk.jvm-options, as the installed
#                                  session runs it)
#   KIOSK_ENV                      the kiosk's environment (default GDK_GL=disable, as digiclub-kiosk-xsession
#                                  sets it; KIOSK_ENV= for none)
#   BEFORE_JAR, BEFORE_JAVA_OPTS   optional: another kiosk build (e.g. an older commit's) in the same run,
#   BEFORE_ENV                     with its own options and environment (default: none)
#
# The kiosk runs as `--demo --fullscreen` (locked down and fullscreen as on a club PC; the demo
# agent answers, so the lock screen is the ordinary "free" one, not "out of order").
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/bench/lib.sh"
seconds=${1:-90}
warmup=${WARMUP:-30}
step=10
jar=${KIOSK_JAR:-$repo/kiosk/target/digiclub-kiosk.jar}
opts=${KIOSK_JAVA_OPTS:-@$repo/kiosk/config/kiosk.jvm-options}
libki=${LIBKI:-none}
results=$repo/target/bench/kiosk-idle
[ "$libki" = none ] || [ -x "$libki" ] || { echo "run.sh: $libki is not a program"; exit 2; }
for c in Xvfb openbox xdpyinfo; do command -v $c >/dev/null || { echo "run.sh: needs $c (see kiosk/scripts/escape-test.sh)"; exit 2; }; done
[ "$seconds" -ge $((warmup + 2 * step)) ] || { echo "run.sh: SECONDS must be at least WARMUP + 20"; exit 2; }

bench_tmpdir kiosk-idle
out=$work
if [ -z "${KIOSK_JAR:-}" ]; then bench_build kiosk || exit 1; fi
[ -f "$jar" ] || { echo "run.sh: no $jar"; exit 2; }
mkdir -p "$results"

# display NAME: a fresh Xvfb with openbox; sets $disp
display() {
  disp=:$((500 + RANDOM % 400))
  while [ -e "/tmp/.X11-unix/X${disp#:}" ]; do disp=:$((500 + RANDOM % 400)); done
  Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb-$1.log" 2>&1 & bench_started $!
  for _ in $(seq 50); do DISPLAY=$disp xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  DISPLAY=$disp openbox >"$out/openbox-$1.log" 2>&1 & bench_started $!
}

names=(); procs=(); disps=()
start() {  # start NAME COMMAND...: on a display of its own
  local name=$1; shift
  display "$name"
  DISPLAY=$disp "$@" >"$out/$name.log" 2>&1 & bench_started $!
  names+=("$name"); procs+=($!); disps+=("$disp")
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 1
# shellcheck disable=SC2086 # options and environment are lists of words
start kiosk env ${KIOSK_ENV-GDK_GL=disable} java $opts -jar "$jar" --demo --fullscreen --config "$repo/kiosk/config/kiosk.example.properties"
# shellcheck disable=SC2086
[ -n "${BEFORE_JAR:-}" ] && start kiosk-before env ${BEFORE_ENV:-} java ${BEFORE_JAVA_OPTS:-$opts} -jar "$BEFORE_JAR" --demo --fullscreen \
  --config "$repo/kiosk/config/kiosk.example.properties"
[ "$libki" != none ] && start libki "$libki"
t0=$(date +%s)

cpu_ns() {  # the process's CPU time: its threads' run time (schedstat, ns)
  # %.0f: mawk's %d stops at 2^31 ns (2.1 s)
  cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%.0f", s }'
}
ticks_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }

echo "kiosk idle bench: ${seconds} s, measured from ${warmup} s, $(nproc) cores, load average ${load_before}, $(java -version 2>&1 | head -1)"
echo "kiosk: ${KIOSK_ENV-GDK_GL=disable} java $opts -jar $jar"
[ -n "${BEFORE_JAR:-}" ] && echo "kiosk-before: ${BEFORE_ENV:-} java ${BEFORE_JAVA_OPTS:-$opts} -jar $BEFORE_JAR"
if [ "$libki" != none ]; then echo "libki: $libki"; else echo "libki: none (LIBKI=path/to/libkiclient to compare; bench/kiosk-idle/build-libki.sh builds it)"; fi
printf '%6s' t_s; for n in "${names[@]}"; do printf ' %14s %10s' "${n}_cpu_ms" "rss_MiB"; done; echo
declare -A last
sleep_to() { local now; now=$(date +%s); [ "$1" -gt "$now" ] && sleep $(( $1 - now )); }
sleep_to $((t0 + warmup))
for i in "${!procs[@]}"; do
  p=${procs[$i]}
  kill -0 "$p" 2>/dev/null || { echo "run.sh: ${names[$i]} exited (see $out/${names[$i]}.log)"; tail -5 "$out/${names[$i]}.log"; exit 1; }
  last[$i]=$(cpu_ns "$p"); echo "${last[$i]}" >"$out/${names[$i]}.cpu-start"; ticks_ms "$p" >"$out/${names[$i]}.ticks-start"
done
for t in $(seq $((warmup + step)) $step "$seconds"); do
  sleep_to $((t0 + t))
  printf '%6s' "$t"
  for i in "${!procs[@]}"; do
    p=${procs[$i]}
    now=$(cpu_ns "$p"); rss=$(rss_kib "$p")
    if [ -z "$rss" ]; then printf ' %14s %10s' exited -; continue; fi
    ms=$(awk -v a="${last[$i]}" -v b="$now" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
    last[$i]=$now
    echo "$ms" >>"$out/${names[$i]}.cpu"; echo "$rss" >>"$out/${names[$i]}.rss"
    printf ' %14s %10s' "$ms" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
  done
  echo
done
# what each showed at the end (look at them: a program that died or showed an error measures nothing)
for i in "${!procs[@]}"; do DISPLAY=${disps[$i]} import -window root "$results/${names[$i]}.png" 2>/dev/null; done
echo "summary (${warmup}-${seconds} s after start; CPU ms per 10 s: median [min-max]; RSS MiB at the end, peak):"
for i in "${!procs[@]}"; do
  n=${names[$i]}; p=${procs[$i]}
  [ -s "$out/$n.cpu" ] || continue
  total_ms=$(( $(ticks_ms "$p" || echo 0) - $(cat "$out/$n.ticks-start") ))
  sort -n "$out/$n.cpu" | awk -v n="$n" -v total="$total_ms" -v secs=$((seconds - warmup)) \
    -v rss_end="$(tail -1 "$out/$n.rss")" -v rss_peak="$(sort -n "$out/$n.rss" | tail -1)" '
    { a[NR] = $1 }
    END {
      med = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
      printf "  %-13s %7.1f ms [%.1f-%.1f]   (stat ticks: %.0f ms per 10 s)   RSS %.1f MiB, peak %.1f MiB\n",
        n, med, a[1], a[NR], total * 10 / secs, rss_end / 1024, rss_peak / 1024
    }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (pictures of the displays in $results)"
