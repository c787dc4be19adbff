#!/usr/bin/env python3
"""Benchmark: the DigiClub agent beside Debian's prometheus-node-exporter, same interval, same run.

Starts both, scrapes node_exporter over loopback every INTERVAL seconds while the agent samples
every INTERVAL seconds (by default half an interval apart, so that neither runs while the other
holds the machine's two cores; --offset 0 scrapes right after each sample), for DURATION
seconds, and prints for both: CPU seconds used, peak and steady RSS, CPU per sample/scrape (median, p95, from /proc/<pid>/stat deltas per interval,
the same method for both); for the agent alone: start-up CPU (until its first sample is in the
status file) and database bytes per day of samples.

Usage: python3 bench/agent-vs-node-exporter.py [--duration 300] [--interval 10] [--offset SECONDS] [--cds]
  --cds  record the agent's class-data archive first (agent/scripts/cds-archive.sh, as the
         installer does per PC) and run the agent with it
Needs: mvn package done (agent/target/digiclub-agent.jar); apt package prometheus-node-exporter.
"""
import argparse, json, os, shutil, signal, statistics, subprocess, sys, tempfile, time, urllib.request

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def cpu_ns(pid):
    """CPU time of the live threads in ns (schedstat): fine-grained, unlike the 10 ms clock ticks."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total


def rss_bytes(pid):
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * PAGE


def peak_rss_bytes(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def mib(b):
    return b / 1024 / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=int, default=300)
    ap.add_argument("--interval", type=int, default=10)
    ap.add_argument("--port", type=int, default=19100)
    ap.add_argument("--offset", type=float, default=None,
                    help="seconds between an agent sample and the next scrape (default: half the interval)")
    ap.add_argument("--cds", action="store_true", help="run the agent with a class-data archive recorded first")
    args = ap.parse_args()

    jar = os.path.join(ROOT, "agent/target/digiclub-agent.jar")
    opts = os.path.join(ROOT, "agent/config/agent.jvm-options")
    exporter = shutil.which("prometheus-node-exporter") or "/usr/bin/prometheus-node-exporter"
    for needed in (jar, exporter):
        if not os.path.exists(needed):
            sys.exit(f"missing {needed}")
    work = tempfile.mkdtemp(prefix="digiclub-bench-")
    data = os.path.join(work, "agent")

    jvm = ["java", f"@{opts}"]
    if args.cds:
        archive = os.path.join(work, "digiclub-agent.jsa")
        subprocess.run([os.path.join(ROOT, "agent/scripts/cds-archive.sh"), jar, archive], check=True,
                       stdout=subprocess.DEVNULL)
        jvm.append(f"-XX:SharedArchiveFile={archive}")

    started = time.monotonic()
    agent = subprocess.Popen([*jvm, "-jar", jar, "run", "--data-dir", data,
                              "--interval", str(args.interval)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    node = subprocess.Popen([exporter, f"--web.listen-address=127.0.0.1:{args.port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status = os.path.join(data, "status.json")
    try:
        while not os.path.exists(status):
            if agent.poll() is not None:
                sys.exit("agent exited during start-up")
            if time.monotonic() - started > 60:
                sys.exit("agent wrote no status in 60 s")
            time.sleep(0.05)
        startup_cpu = cpu_seconds(agent.pid)
        startup_wall = time.monotonic() - started
        db = os.path.join(data, "agent.db")

        def db_bytes():
            return sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))

        url = f"http://127.0.0.1:{args.port}/metrics"
        # The agent samples at start-up and every interval after; node_exporter is scraped between
        # two samples, so that neither is measured while the other holds the machine's 2 cores.
        offset = args.interval / 2 if args.offset is None else args.offset
        time.sleep(offset)
        agent_cpu0, node_cpu0 = cpu_seconds(agent.pid), cpu_seconds(node.pid)
        db0 = db_bytes()
        per_sample, per_scrape, agent_rss, node_rss = [], [], [], []
        last_a, last_n = cpu_ns(agent.pid), cpu_ns(node.pid)
        t0 = time.monotonic()
        rounds = args.duration // args.interval
        for i in range(rounds):
            urllib.request.urlopen(url, timeout=10).read()
            time.sleep(max(0.0, t0 + (i + 1) * args.interval - time.monotonic()))
            a, n = cpu_ns(agent.pid), cpu_ns(node.pid)
            per_sample.append(max(0, a - last_a) / 1e9)
            per_scrape.append(max(0, n - last_n) / 1e9)
            last_a, last_n = a, n
            agent_rss.append(rss_bytes(agent.pid))
            node_rss.append(rss_bytes(node.pid))
        elapsed = time.monotonic() - t0
        grown = db_bytes() - db0
        samples_per_day = 86400 / args.interval
        steady = lambda xs: statistics.median(xs[len(xs) // 2:])
        print(f"# {rounds} intervals of {args.interval} s ({elapsed:.0f} s), one agent sample and one node_exporter scrape each")
        print(f"# node_exporter scraped {offset:g} s after each agent sample")
        print(f"# agent: {' '.join(jvm[1:])}{'' if args.cds else ' (no class-data archive of its own)'}")
        print(f"{'':34}{'agent':>14}{'node_exporter':>16}")
        print(f"{'CPU seconds in the run':34}{cpu_seconds(agent.pid) - agent_cpu0:14.2f}{cpu_seconds(node.pid) - node_cpu0:16.2f}")
        print(f"{'CPU ms per sample/scrape, median':34}{statistics.median(per_sample)*1000:14.1f}{statistics.median(per_scrape)*1000:16.1f}")
        print(f"{'CPU ms per sample/scrape, p95':34}{pct(per_sample,95)*1000:14.1f}{pct(per_scrape,95)*1000:16.1f}")
        print(f"{'peak RSS MiB':34}{mib(peak_rss_bytes(agent.pid)):14.1f}{mib(peak_rss_bytes(node.pid)):16.1f}")
        print(f"{'steady RSS MiB (median, 2nd half)':34}{mib(steady(agent_rss)):14.1f}{mib(steady(node_rss)):16.1f}")
        print(f"agent start-up: {startup_cpu:.2f} CPU s, {startup_wall:.2f} s wall to first sample")
        print(f"agent database: {grown} bytes for {rounds} samples -> {grown / rounds * samples_per_day / 1024 / 1024:.2f} MiB per day at this interval")
        print("(CPU seconds: /proc/<pid>/stat utime+stime; per sample/scrape: sum of the threads' schedstat per interval)")
    finally:
        for p in (agent, node):
            p.send_signal(signal.SIGTERM)
        for p in (agent, node):
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
