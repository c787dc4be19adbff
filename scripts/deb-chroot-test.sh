#!/usr/bin/env bash
# deb-chroot-test.sh — is the .deb's Depends complete? On a minimal Debian 12 (debootstrap
# --variant=minbase into a temporary directory, nothing of this machine's libraries), installs
# the package with apt (which must find every library the programs load through Depends alone),
# then runs the installed agent until `digiclub-agent status` answers and the installed kiosk on
# Xvfb (xvfb and xauth are the test's own additions). Root; uses the network to Debian's
# mirror. Run by scripts/test.sh after deb-test.sh.
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
dpkg-query -W -f='\${db:Status-Abbrev}' digiclub | grep -q '^ii' || exit 12
echo "installed: \$(dpkg-query -W -f='\${Version}' digiclub), \$(dpkg-query -W -f='\${binary:Package}\\n' | wc -l) packages in all"
digiclub-agent --version
digiclub-agent run --data-dir /tmp/agent/data --log-dir /tmp/agent/log --interval 2 > /tmp/agent.out 2>&1 &
agent=\$!
for _ in \$(seq 1 300); do [ -f /tmp/agent/data/status.json ] && break; sleep 0.1; done
[ -f /tmp/agent/data/status.json ] || { cat /tmp/agent.out; exit 13; }
digiclub-agent status --data-dir /tmp/agent/data | head -1
kill \$agent; wait \$agent 2>/dev/null || true
apt-get install -y -qq --no-install-recommends xvfb > /tmp/apt-xvfb.out 2>&1 || { tail -20 /tmp/apt-xvfb.out; exit 14; }
timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" digiclub-kiosk --demo --exit-when-ready > /tmp/kiosk.out 2>&1 || { cat /tmp/kiosk.out; exit 15; }
echo kiosk-ready
INSIDE
unshare --mount --propagation private bash -c '
  set -e; root=$1
  mount -t proc proc "$root/proc"; mount --rbind /dev "$root/dev"; mount -t sysfs sys "$root/sys"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  chroot "$root" /bin/bash /tmp/inside.sh' _ "$root" > "$work/inside.out" 2>&1 \
  || { cat "$work/inside.out"; fail "inside the chroot (exit status above: 11 apt could not install the package, 13 agent, 15 kiosk)"; }
cat "$work/inside.out" | sed 's/^/  /'
grep -q kiosk-ready "$work/inside.out" || fail "the kiosk did not start"
ok "apt installed the package on minimal Debian 12 with its Depends alone; the agent answers 'status', the kiosk starts on Xvfb"
echo "deb-chroot-test: passed in $(( $(date +%s) - start )) s"
