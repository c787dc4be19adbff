/**
 * Benchmarks: programs that print figures (never tests with time limits). Run them with
 * {@code collector/bench/run.sh <class> [options]}; docs/benchmarks.md, "Collector", has the exact commands.
 */
package bg.digiclub.collector.bench;
