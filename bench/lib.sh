# bench/lib.sh — sourced by the benchmark scripts (POSIX sh): one temporary directory per run,
# removed when the script ends however it ends (done, failed, Ctrl+C, kill), after the processes
# the script started are stopped. A benchmark leaves nothing in /tmp. The script sets $repo (the
# repository's root) before sourcing it.
#
#   bench_tmpdir NAME    sets $work to a new private directory ${TMPDIR:-/tmp}/digiclub-NAME.XXXXXX
#   bench_started PID    a background process to stop (TERM, then KILL after 10 s) before $work goes
#                        (start long programs in the background, bench_started $!, then wait $!: a
#                        foreground child would hold off the trap until it ends by itself)
#   bench_on_exit CMD    one more command to run first when the script ends (e.g. print a log tail)
#   bench_build MODULES  builds the modules' jars (below)
#
# sh's EXIT trap does not run when a signal ends the script, so INT, TERM and HUP become exits.

bench_pids=""
bench_exit_cmd=""

bench_started() {
  bench_pids="$bench_pids $1"
}

bench_on_exit() {
  bench_exit_cmd=$1
}

bench_alive() {  # a process that has not ended (a zombie waiting to be reaped has ended)
  [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]
}

bench_cleanup() {
  status=$?
  set +e   # a failing step of the clean-up must not stop the rest
  trap - EXIT INT TERM HUP
  [ -n "$bench_exit_cmd" ] && eval "$bench_exit_cmd"
  for p in $bench_pids; do bench_alive "$p" && kill -TERM "$p" 2>/dev/null; done
  for p in $bench_pids; do
    i=0
    while bench_alive "$p" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    bench_alive "$p" && kill -KILL "$p" 2>/dev/null
  done
  [ -n "${work:-}" ] && rm -rf "$work"
  exit $status
}

bench_tmpdir() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/digiclub-$1.XXXXXX")
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
}

# bench_build MODULES: the jars of MODULES (comma-separated, e.g. agent,kiosk) and of what they use,
# each with its lib/ (mvn package, tests skipped), offline first, then online; the log in $work.
bench_build() {
  ( cd "$repo" && { bench_mvn -o "$1" >"$work/build.log" 2>&1 || bench_mvn "" "$1" >"$work/build.log" 2>&1; } ) \
    || { echo "the build of $1 failed:" >&2; tail -40 "$work/build.log" >&2; return 1; }
}

bench_mvn() {  # bench_mvn [-o] MODULES
  mvn -B -q -ntp $1 -pl "$2" -am package -DskipTests
}
