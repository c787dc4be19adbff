#!/bin/sh
# bench/live/run.sh [OPTIONS] — the mentor's console at a national fleet's scale (issue 13): one
# collector, a process of its own on PostgreSQL, holding --pcs (default 5000) PCs' live WebSocket
# connections, each PC changing its state every 30 s, staff issuing messages through the club page
# (signed-in POSTs) at a steady rate. Prints the commands' delivery latency (p50/p99/max), the
# collector's CPU and its memory (RSS, heap after a full GC). The program is the collector's
# bg.digiclub.collector.bench.LiveBenchmark (its options: the class's javadoc and docs/benchmarks.md,
# "Live console"), run through bench/test-main.sh, which builds what it needs and removes its
# temporary files (the database is the tests' embedded PostgreSQL unless --jdbc URL is given).
#   bench/live/run.sh                       # the issue's run: --pcs 5000
#   bench/live/run.sh --pcs 500 --warm-up-seconds 30 --seconds 60
#
# Each live connection is a file descriptor in both processes (the fleet's JVM and the collector,
# which it starts): 5,000 PCs need more than the usual soft limit of 1,024 open files, so the
# limit is raised here to the hard limit (at most 65,536) for this script and what it starts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
soft=$(ulimit -n)
hard=$(ulimit -H -n)
want=65536
if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then
  want=$hard
fi
if [ "$soft" != unlimited ] && [ "$soft" -lt "$want" ]; then
  ulimit -n "$want"
  echo "open-file limit raised from $soft to $(ulimit -n) for the benchmark"
fi
exec "$here/../test-main.sh" collector bg.digiclub.collector.bench.LiveBenchmark "$@"
