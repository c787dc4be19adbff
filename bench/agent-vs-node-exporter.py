#!/usr/bin/env python3
"""Benchmark: the DigiClub agent beside Debian's prometheus-node-exporter, same interval, same run.

Starts both, scrapes node_exporter over loopback every INTERVAL seconds while the agent samples
every INTERVAL seconds (by default half an interval apart, so that neither runs while the other
holds the machine's two cores; --offset 0 scrapes right after each sample), for DURATION
seconds, and prints for both:
  - total CPU seconds over the measured run (utime+stime of /proc/<pid>/stat: every thread, also
    ended ones) and the ratio of the totals, agent / node_exporter: what each costs a PC;
  - CPU per sample/scrape (each interval's sum of the threads' schedstat run time): median, p95
    (nearest rank; needs 20 intervals, else "-") and max. The median is a typical round; p95 and
    max show the rounds that cost more (the agent lists processes every 30 s, so at a 10 s
    interval every third round), which the median hides and the total counts;
  - peak and steady RSS;
and for the agent alone: start-up CPU (until its first sample is in the status file, not in the
totals) and database bytes per day of samples.

Usage, from a fresh clone, as root (it installs node_exporter if missing):
  python3 bench/agent-vs-node-exporter.py [--duration 300] [--interval 10] [--offset SECONDS] [--cds] [--no-build]
  --cds       record the agent's class-data archive first (agent/scripts/cds-archive.sh, as the
              installer does per PC) and run the agent with it
  --no-build  use agent/target/digiclub-agent.jar as it is (default: build it first, offline if it can)
Needs: Java 17, Maven, and Debian's prometheus-node-exporter: installed with apt-get when missing
and run as root (its service is not started); otherwise it says how to install it.
Its temporary directory (the agent's data, the archive) is removed at the end, also after a
failure, Ctrl+C or kill.
"""
import argparse, math, os, shutil, signal, statistics, subprocess, sys, tempfile, time, urllib.request

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
    """Nearest-rank percentile; None where it would be the maximum (fewer than 100/(100-p) values)."""
    s = sorted(values)
    rank = math.ceil(p / 100 * len(s))
    return None if rank >= len(s) else s[max(0, rank - 1)]


def ms(value):
    return "-" if value is None else f"{value * 1000:.1f}"


def ratio(a, b):
    return "-" if not b or a is None else f"{a / b:.2f}"


def build_agent():
    """The agent's jar and lib/ from this checkout, offline first (as collector/bench/run.sh does)."""
    cmd = ["mvn", "-B", "-q", "-ntp", "package", "-DskipTests", "-pl", "agent", "-am"]
    for attempt in (cmd + ["-o"], cmd):
        done = subprocess.run(attempt, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode == 0:
            return
    sys.exit(f"the agent did not build:\n{done.stdout[-4000:]}")


def node_exporter():
    """Debian's prometheus-node-exporter, installed with apt-get when missing (as root; its service not started)."""
    found = shutil.which("prometheus-node-exporter")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("prometheus-node-exporter is not installed. Install Debian's package first:\n"
                 "  sudo apt-get install prometheus-node-exporter\n"
                 "or run this benchmark as root, and it installs it.")
    print("installing prometheus-node-exporter with apt-get (its service is not started)", flush=True)
    # invoke-rc.d asks /usr/sbin/policy-rc.d whether to start a package's service: 101 says no, so
    # no second node_exporter runs beside the benchmark's. A policy already there is left alone.
    policy = "/usr/sbin/policy-rc.d"
    own_policy = not os.path.exists(policy)
    if own_policy:
        with open(policy, "w") as f:
            f.write("#!/bin/sh\n# written by bench/agent-vs-node-exporter.py for one apt-get install\nexit 101\n")
        os.chmod(policy, 0o755)
    try:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in (["apt-get", "install", "-y", "-q", "prometheus-node-exporter"],
                    ["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "prometheus-node-exporter"]):
            done = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if done.returncode == 0 and cmd[1] == "install":
                break
    finally:
        if own_policy:
            os.remove(policy)
    found = shutil.which("prometheus-node-exporter")
    if not found:
        sys.exit(f"apt-get could not install prometheus-node-exporter:\n{done.stdout[-2000:]}")
    return found


def others_running(exclude):
    """node_exporter processes not started by this run (a started service would add to the machine's load)."""
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip().startswith("prometheus-node") and int(pid) not in exclude:
                    pids.append(int(pid))
        except OSError:
            pass
    return pids


def stop_on_signals():
    """TERM and HUP end the run like Ctrl+C does, so that the clean-up below runs."""
    def stop(signum, frame):
        raise SystemExit(128 + signum)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)


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
    ap.add_argument("--no-build", action="store_true", help="use the agent jar already built")
    args = ap.parse_args()
    if args.duration < args.interval or args.interval <= 0:
        sys.exit("--duration must be at least one --interval, and --interval above 0")
    stop_on_signals()

    jar = os.path.join(ROOT, "agent/target/digiclub-agent.jar")
    opts = os.path.join(ROOT, "agent/config/agent.jvm-options")
    exporter = node_exporter()
    if not args.no_build:
        build_agent()
    if not os.path.exists(jar):
        sys.exit(f"missing {jar} (leave out --no-build to build it)")

    work = tempfile.mkdtemp(prefix="digiclub-agent-bench.")
    try:
        run(args, jar, opts, exporter, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args, jar, opts, exporter, work):
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
    node = None
    status = os.path.join(data, "status.json")
    try:
        node = subprocess.Popen([exporter, f"--web.listen-address=127.0.0.1:{args.port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        others = others_running({node.pid})
        if others:
            print(f"# note: other node_exporter processes run on this machine (pids {others}); they add to its load",
                  flush=True)
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
        agent_total = cpu_seconds(agent.pid) - agent_cpu0
        node_total = cpu_seconds(node.pid) - node_cpu0
        grown = db_bytes() - db0
        samples_per_day = 86400 / args.interval
        steady = lambda xs: statistics.median(xs[len(xs) // 2:])
        a_med, n_med = statistics.median(per_sample), statistics.median(per_scrape)
        a_p95, n_p95 = pct(per_sample, 95), pct(per_scrape, 95)
        print(f"# {rounds} intervals of {args.interval} s ({elapsed:.0f} s), one agent sample and one node_exporter scrape each")
        print(f"# node_exporter scraped {offset:g} s after each agent sample")
        print(f"# agent: {' '.join(jvm[1:])}{'' if args.cds else ' (no class-data archive of its own)'}")
        print(f"# load average: {open('/proc/loadavg').read().strip()}")
        print(f"{'':36}{'agent':>12}{'node_exporter':>16}{'ratio':>8}")
        print(f"{'CPU seconds, total over the run':36}{agent_total:12.2f}{node_total:16.2f}{ratio(agent_total, node_total):>8}")
        print(f"{'CPU ms per sample/scrape, median':36}{a_med * 1000:12.1f}{n_med * 1000:16.1f}{ratio(a_med, n_med):>8}")
        print(f"{'CPU ms per sample/scrape, p95':36}{ms(a_p95):>12}{ms(n_p95):>16}{ratio(a_p95, n_p95):>8}")
        print(f"{'CPU ms per sample/scrape, max':36}{max(per_sample) * 1000:12.1f}{max(per_scrape) * 1000:16.1f}")
        print(f"{'peak RSS MiB':36}{mib(peak_rss_bytes(agent.pid)):12.1f}{mib(peak_rss_bytes(node.pid)):16.1f}")
        print(f"{'steady RSS MiB (median, 2nd half)':36}{mib(steady(agent_rss)):12.1f}{mib(steady(node_rss)):16.1f}")
        print(f"agent start-up (not in the totals): {startup_cpu:.2f} CPU s, {startup_wall:.2f} s wall to first sample")
        print(f"agent database: {grown} bytes for {rounds} samples -> {grown / rounds * samples_per_day / 1024 / 1024:.2f} MiB per day at this interval")
        print("(ratio: agent / node_exporter. Total: /proc/<pid>/stat utime+stime over the measured run, every thread;"
              " per sample/scrape: the threads' schedstat per interval; p95 nearest rank, '-' below 20 intervals)")
    finally:
        for p in (agent, node):
            if p is not None and p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in (agent, node):
            if p is None:
                continue
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


if __name__ == "__main__":
    main()
