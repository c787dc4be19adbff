#!/bin/sh
# collector/bench/run.sh CLASS [OPTIONS] — runs a collector benchmark (a test-scope main class in
# bg.digiclub.collector.bench) through bench/test-main.sh, which builds what it needs from a fresh
# clone and removes its temporary files. From anywhere in the repository:
#   collector/bench/run.sh IntakeBenchmark --store sqlite
# The commands and what each figure means: docs/benchmarks.md, "Collector".
set -eu
[ $# -ge 1 ] || { echo "usage: collector/bench/run.sh IntakeBenchmark|DashboardBenchmark|UploadSizeBenchmark [OPTIONS]" >&2; exit 2; }
class=$1
shift
exec "$(dirname "$0")/../../bench/test-main.sh" collector "bg.digiclub.collector.bench.$class" "$@"
