#!/usr/bin/env bash
# deb-chroot-test.sh — is the .deb's Depends complete? On a minimal Debian 12 (debootstrap
# --variant=minbase into a temporary directory, nothing of this machine's libraries), installs
# the package with apt (which must find every library the programs load through Depends alone),
# then runs the installed agent until `digiclub-agent status` answers and the installed kiosk on
# Xvfb (xvfb-run is the test's own addition); then sets the PC up as a mentor would
# (digiclub-installer install with an unreachable collector, verify, install again, the kiosk's
# start with and without the recorded class-data archive, uninstall --purge). Root; uses the
# network to Debian's mirror. Run by scripts/test.sh after deb-test.sh.
#
#   scripts/deb-chroot-test.sh [DEB]   (default: builds one from the jars in */target)
set -euo pipefail
cd "$(dirname "$0")/.."
# a command that fails under set -e says where, not only that the script stopped
trap 'echo "deb-chroot-test: FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR
fail() { echo "deb-chroot-test: FAIL: $*" >&2; exit 1; }
ok() { echo "deb-chroot-test: ok: $*"; }
[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot); CI runs it as root"
start=$(date +%s)

if ! command -v debootstrap >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 debootstrap >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
  cp "$1" "$work/"
else
  bash scripts/build-debs.sh --no-build --out "$work" >/dev/null
fi
deb=$(basename "$(ls "$work"/digiclub_*.deb)")
root=$work/root
# the mirror this machine's apt already uses (its sources name it; nothing is named here)
mirror=$(apt-get indextargets --format '$(REPO_URI)' 'Identifier: Packages' 2>/dev/null \
  | grep -v -- '-security' | grep -v -- '-updates' | head -1)
[ -n "$mirror" ] || mirror=$(grep -hoE '^URIs: *[^ ]+' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | awk '{print $2}')
[ -n "$mirror" ] || mirror=$(grep -hoE '^deb +[^ ]+' /etc/apt/sources.list 2>/dev/null | head -1 | awk '{print $2}')
[ -n "$mirror" ] || fail "no Debian mirror in this machine's apt sources"
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
ok "minimal Debian 12 in $(( $(date +%s) - start )) s ($(du -sh "$root" | cut -f1))"
cp "$work/$deb" "$root/tmp/"

# Inside: its own mount namespace, so /proc and /dev go away with it.
cat > "$root/tmp/inside.sh" <<INSIDE
set -eu
export DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin
apt-get update -qq
apt-get install -y -qq --no-install-recommends /tmp/$deb > /tmp/apt.out 2>&1 || { tail -30 /tmp/apt.out; exit 11; }
# the test's own: xvfb-run (Xvfb itself is a Depends, for the kiosk's class-data archive)
apt-get install -y -qq --no-install-recommends xvfb xauth > /tmp/apt-xvfb.out 2>&1 || { tail -20 /tmp/apt-xvfb.out; exit 14; }
dpkg-query -W -f='\${db:Status-Abbrev}' digiclub | grep -q '^ii' || exit 12
echo "installed: \$(dpkg-query -W -f='\${Version}' digiclub), \$(dpkg-query -W -f='\${binary:Package}\\n' | wc -l) packages in all"
digiclub-agent --version
digiclub-agent run --data-dir /tmp/agent/data --log-dir /tmp/agent/log --interval 2 > /tmp/agent.out 2>&1 &
agent=\$!
for _ in \$(seq 1 300); do [ -f /tmp/agent/data/status.json ] && break; sleep 0.1; done
[ -f /tmp/agent/data/status.json ] || { cat /tmp/agent.out; exit 13; }
digiclub-agent status --data-dir /tmp/agent/data | head -1
kill \$agent; wait \$agent 2>/dev/null || true
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" digiclub-kiosk --demo --exit-when-ready > /tmp/kiosk.out 2>&1 || { cat /tmp/kiosk.out; exit 15; }
echo kiosk-ready

# node_exporter as Debian packages it (its account prometheus), there before the set-up: the
# install points the agent's metrics at its directory and lets its account read them.
apt-get install -y -qq --no-install-recommends prometheus-node-exporter > /tmp/apt-ne.out 2>&1 || { tail -20 /tmp/apt-ne.out; exit 14; }

# The whole set-up, as a mentor types it, in the chroot (systemd is not running here: the units
# are enabled by their links, nothing is started). The collector cannot be reached: the install
# completes and the enrolment waits for the agent.
umask 077; printf '7KQ2-M9XD-4TRB\n' > /root/enrol-code; printf '482913\n' > /root/staff-pin; umask 022
digiclub-installer install --collector https://collector.invalid --enrol-code-file /root/enrol-code \
  --staff-pin-file /root/staff-pin > /tmp/install.out 2>&1 \
  || { cat /tmp/install.out; exit 16; }
sed 's/^/  install: /' /tmp/install.out
grep -q "agent class-data archive: recorded" /tmp/install.out || exit 17
grep -q "kiosk class-data archive: recorded" /tmp/install.out || exit 18
grep -q "staff PIN: set" /tmp/install.out || exit 16
[ "\$(stat -c '%U %a' /opt/digiclub/kiosk/digiclub-kiosk.jsa)" = "root 644" ] || exit 18
digiclub-installer verify > /tmp/verify.out 2>&1 || { cat /tmp/verify.out; exit 19; }
sed 's/^/  verify: /' /tmp/verify.out
grep -q "pending" /tmp/verify.out || { cat /tmp/verify.out; exit 19; }
digiclub-installer install --collector https://collector.invalid --enrol-code-file /root/enrol-code > /tmp/install2.out 2>&1 \
  || { cat /tmp/install2.out; exit 20; }
grep -q "nothing to change" /tmp/install2.out || { cat /tmp/install2.out; exit 20; }
echo installed-verified-twice
# the agent as installed (its configuration), one round: its textfile is node_exporter's account's to read, not the visitor's
grep -qx 'metrics.textfile-dir = /var/lib/prometheus/node-exporter' /etc/digiclub/agent.properties || exit 24
getent group digiclub-metrics | grep -qE ':prometheus\$' || { getent group digiclub-metrics; exit 24; }
printf 'digiclub_session_open 0\n' > /var/lib/prometheus/node-exporter/digiclub_agent.prom   # an older agent's, 0644
chmod 0644 /var/lib/prometheus/node-exporter/digiclub_agent.prom
prom=/var/lib/prometheus/node-exporter/digiclub_agent.prom
digiclub-agent run --config /etc/digiclub/agent.properties --interval 2 > /tmp/agent-installed.out 2>&1 &
agent=\$!
for _ in \$(seq 1 300); do grep -q '^digiclub_check_status' \$prom && break; sleep 0.1; done
kill \$agent; wait \$agent 2>/dev/null || true
grep -q '^digiclub_check_status' \$prom || { cat /tmp/agent-installed.out; exit 24; }
[ "\$(stat -c '%a %U %G' \$prom)" = "640 root digiclub-metrics" ] || { stat -c '%a %U %G' \$prom; exit 24; }
setpriv --reuid=prometheus --regid=prometheus --init-groups -- cat \$prom > /dev/null || exit 24
! setpriv --reuid=digiclub-visitor --regid=digiclub-visitor --init-groups -- cat \$prom > /dev/null 2>&1 || exit 24
echo "textfile: \$(stat -c '%a %U:%G' \$prom), read by prometheus, not by digiclub-visitor"
echo metrics-textfile-private
# the kiosk as the session starts it (the installed xsession's command line), with and without its archive
cmd=\$(grep -o "set -- /[^ ]*java @/opt/digiclub/kiosk/kiosk.jvm-options" /opt/digiclub/session/digiclub-kiosk-xsession | cut -d' ' -f3-)
[ -n "\$cmd" ] || exit 21
for round in 1 2 3; do
  for archive in without with; do
    cds=""; [ \$archive = with ] && cds=-XX:SharedArchiveFile=/opt/digiclub/kiosk/digiclub-kiosk.jsa
    t0=\$(date +%s%N)
    xvfb-run -a -s "-screen 0 1280x800x24" \$cmd \$cds -jar /opt/digiclub/kiosk/digiclub-kiosk.jar --demo --exit-when-ready > /tmp/k.out 2>&1 || { cat /tmp/k.out; exit 22; }
    echo "kiosk-start \$archive \$(( (\$(date +%s%N) - t0) / 1000000 )) ms"
  done
done
digiclub-installer uninstall --purge > /tmp/uninstall.out 2>&1 || { cat /tmp/uninstall.out; exit 23; }
for p in /opt/digiclub /etc/digiclub /var/lib/digiclub /var/log/digiclub /etc/systemd/system/digiclub-agent.service; do
  [ ! -e \$p ] || { echo "left after uninstall --purge: \$p"; exit 23; }
done
! id digiclub-kiosk 2>/dev/null || exit 23
! getent group digiclub-metrics || exit 23
echo uninstalled-purged
INSIDE
unshare --mount --propagation private bash -c '
  set -e; root=$1
  mount -t proc proc "$root/proc"; mount --rbind /dev "$root/dev"; mount -t sysfs sys "$root/sys"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  chroot "$root" /bin/bash /tmp/inside.sh' _ "$root" > "$work/inside.out" 2>&1 \
  || { cat "$work/inside.out"; fail "inside the chroot (exit status above: 11 apt could not install the package, 13 agent, 15 kiosk,
  16 install, 17/18 a class-data archive not recorded, 19 verify, 20 the second install changed something, 21/22 the kiosk's
  command line, 23 uninstall --purge, 24 the agent's textfile for node_exporter)"; }
cat "$work/inside.out" | sed 's/^/  /'
grep -q kiosk-ready "$work/inside.out" || fail "the kiosk did not start"
ok "apt installed the package on minimal Debian 12 with its Depends alone; the agent answers 'status', the kiosk starts on Xvfb"
grep -q installed-verified-twice "$work/inside.out" || fail "the set-up in the chroot"
ok "digiclub-installer install in the chroot: both class-data archives recorded, verify passes (enrolment pending), a second install changes nothing"
grep -q metrics-textfile-private "$work/inside.out" || fail "the agent's textfile in the chroot"
ok "with prometheus-node-exporter there: the installed agent replaces a 0644 textfile with 0640 root:digiclub-metrics; prometheus reads it, digiclub-visitor cannot"
for a in without with; do
  echo "deb-chroot-test: kiosk start to lock screen $a its archive (ms): $(awk -v a=$a '$1 == "kiosk-start" && $2 == a { printf "%s ", $3 }' "$work/inside.out")"
done
grep -q uninstalled-purged "$work/inside.out" || fail "uninstall --purge in the chroot"
ok "digiclub-installer uninstall --purge: nothing of DigiClub left, the accounts gone"
echo "deb-chroot-test: passed in $(( $(date +%s) - start )) s"
