#!/usr/bin/env bash
# deb-test.sh — the club PC's .deb on this machine: builds it from the jars `mvn verify` left in
# */target (scripts/build-debs.sh --no-build; DEB_TEST_BUILD=1 builds them first), inspects it
# (dpkg-deb -I/-c), installs it with dpkg -i, runs what runs here, removes it (dpkg -r), purges
# it (dpkg -P) and checks nothing of it is left. Needs root, as CI runs it (scripts/test.sh):
# without root it fails, it never skips.
#
# What it does NOT show: pid 1 here is not systemd, so no unit is started (the installer's
# `systemd-analyze verify` covers the units); the installer's own install/upgrade/uninstall do
# not run here: a stand-in put in place with dpkg-divert records how the maintainer scripts call
# it and fails on demand (their tests run the real steps in a temporary root).
set -euo pipefail
cd "$(dirname "$0")/.."
# a command that fails under set -e says where, not only that the script stopped
trap 'echo "deb-test: FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR

fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }
ok() { echo "deb-test: ok: $*"; }
[ "$(id -u)" -eq 0 ] || fail "needs root (dpkg -i, accounts); CI runs it as root"

# This test installs and purges the package: it must not touch a real club PC, nor the accounts a
# developer made on this machine to try the session. When any of them exists, the test runs in a
# private mount namespace with overlays over /etc /home /opt /usr /var /run (their changes vanish
# with it) and removes them there first; on a fresh CI machine it runs on the machine itself.
conflicts() {
  dpkg-query -W -f='${Status}' digiclub 2>/dev/null | grep -q installed && return 0
  for p in /etc/digiclub /var/lib/digiclub /var/log/digiclub /opt/digiclub /var/lib/digiclub-kiosk /home/digiclub-visitor /home/.digiclub-visitor.reset; do
    [ -e "$p" ] && return 0
  done
  getent passwd digiclub-kiosk >/dev/null || getent passwd digiclub-visitor >/dev/null ||
    getent group digiclub-kiosk >/dev/null || getent group digiclub-visitor >/dev/null ||
    getent group digiclub-metrics >/dev/null
}
if conflicts; then
  if [ -z "${DEB_TEST_ISOLATED:-}" ]; then
    echo "deb-test: DigiClub is installed or its accounts exist on this machine: running in a private mount namespace (overlays on /etc /home /opt /usr /var /run; the machine is not touched)"
    upper=$(mktemp -d)   # the overlays' upper layers: a tmpfs mounted here inside the namespace only
    rc=0
    unshare --mount --propagation private env DEB_TEST_ISOLATED=1 bash -c '
      set -e; t=$1; mount -t tmpfs tmpfs "$t"
      for d in etc home opt usr var run; do
        mkdir -p "$t/$d.u" "$t/$d.w"
        mount -t overlay overlay -o "lowerdir=/$d,upperdir=$t/$d.u,workdir=$t/$d.w" "/$d"
      done
      exec bash "$0"' "$0" "$upper" || rc=$?
    rmdir "$upper"
    exit $rc
  fi
  # inside the overlays: clear them away (only the overlay changes)
  dpkg -P digiclub >/dev/null 2>&1 || true
  for a in digiclub-visitor digiclub-kiosk; do
    userdel -f "$a" >/dev/null 2>&1 || true
    groupdel "$a" >/dev/null 2>&1 || true
  done
  groupdel digiclub-metrics >/dev/null 2>&1 || true
  rm -rf /etc/digiclub /var/lib/digiclub /var/log/digiclub /opt/digiclub /var/lib/digiclub-kiosk /home/digiclub-visitor /home/.digiclub-visitor.reset
  ! conflicts || fail "could not clear the existing DigiClub install inside the overlays"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
if [ "${DEB_TEST_BUILD:-0}" = 1 ]; then
  bash scripts/build-debs.sh --out "$work/dist"
else
  bash scripts/build-debs.sh --no-build --out "$work/dist"
fi
deb=$(ls "$work"/dist/digiclub_*.deb)

# --- inspect ---------------------------------------------------------------------------------
dpkg-deb -I "$deb" > "$work/info"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = digiclub ] || fail "Package is '$(field Package)'"
depends=$(field Depends)
for d in openjdk-17-jre-headless "libgtk-3-0 | libgtk-3-0t64" libgl1 libxtst6 libxxf86vm1 libxss1 \
         xserver-xorg-core xauth openbox "util-linux (>= 2.38)" passwd systemd; do
  case ", $depends," in *", $d,"*) ;; *) fail "Depends lacks '$d': $depends" ;; esac
done
ok "Depends: $depends"
dpkg-deb --ctrl-tarfile "$deb" | tar -tvf - > "$work/ctrl"
for s in postinst prerm postrm; do
  grep -Eq "^-rwxr-xr-x root/root .* \./$s\$" "$work/ctrl" || fail "maintainer script $s missing or not 0755 root: $(cat "$work/ctrl")"
done
grep -q ' \./triggers$' "$work/ctrl" || fail "no triggers file (the JRE's update re-records the class-data archives)"
ok "maintainer scripts postinst, prerm, postrm (0755 root), triggers"

dpkg-deb -c "$deb" > "$work/contents"
awk '$2 != "root/root" {print; bad=1} END {exit bad}' "$work/contents" || fail "entries not owned by root/root (above)"
awk '{p=$6; sub(/^\.\//, "/", p); if (p !~ /^\/($|opt\/($|digiclub\/)|usr\/($|bin\/($|digiclub-)|share\/($|doc\/($|digiclub\/))))/) {print "outside: " p; bad=1}} END {exit bad}' "$work/contents" \
  || fail "files outside /opt/digiclub, /usr/bin/digiclub-*, /usr/share/doc/digiclub (above)"
awk 'substr($1, 9, 1) == "w" {print; bad=1} END {exit bad}' "$work/contents" || fail "world-writable entries (above)"
for f in ./opt/digiclub/agent/digiclub-agent.jar ./opt/digiclub/agent/agent.jvm-options ./opt/digiclub/agent/cds-archive.sh \
         ./opt/digiclub/kiosk/digiclub-kiosk.jar ./opt/digiclub/kiosk/kiosk.jvm-options \
         ./opt/digiclub/installer/digiclub-installer.jar ./usr/share/doc/digiclub/copyright; do
  grep -q " $f\$" "$work/contents" || fail "$f not in the package"
done
for f in digiclub-installer digiclub-agent digiclub-kiosk; do
  grep -Eq "^-rwxr-xr-x root/root .* \./usr/bin/$f\$" "$work/contents" || fail "/usr/bin/$f missing or not 0755"
done
ok "contents: $(wc -l < "$work/contents") entries, all root/root, none world-writable, only under /opt/digiclub, /usr/bin/digiclub-*, /usr/share/doc/digiclub"

# --- install ---------------------------------------------------------------------------------
# dpkg -i installs no dependencies: the ones missing here (Xorg's server on a CI machine) come
# from apt first, the first of each alternative.
missing=()
IFS=',' read -ra deps <<< "$depends"
for d in "${deps[@]}"; do
  first=$(echo "${d%%|*}" | sed "s/(.*)//" | xargs)   # the first alternative, without its version
  dpkg-query -W -f='${Status}' "$first" 2>/dev/null | grep -q "install ok installed" || missing+=("$first")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deb-test: installing the package's missing Depends: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
fi

dpkg_run() { # dpkg with a wait for the lock (other tests on this machine may use apt)
  for _ in $(seq 1 60); do
    if "$@" > "$work/dpkg.out" 2>&1; then return 0; fi
    grep -Eq "dpkg (frontend lock|status database is locked)|lock-frontend" "$work/dpkg.out" || return 1
    sleep 5
  done
  return 1
}
status() { dpkg-query -W -f='${db:Status-Abbrev}' digiclub 2>/dev/null | xargs || echo none; }

dpkg_run dpkg -i "$deb" || { cat "$work/dpkg.out"; fail "dpkg -i failed"; }
[ "$(status)" = ii ] || fail "after dpkg -i the status is '$(status)', not ii"
grep -q "not set up as a club PC yet" "$work/dpkg.out" || { cat "$work/dpkg.out"; fail "postinst did not say what to type"; }
[ -z "$(dpkg --audit digiclub 2>&1)" ] || fail "dpkg --audit: $(dpkg --audit digiclub)"
ok "dpkg -i: installed (ii), postinst says: $(grep -m1 'digiclub-installer install' "$work/dpkg.out" | xargs)"

# The same again with an enrolment code file that is not there: configured all the same.
DIGICLUB_COLLECTOR=https://collector.invalid DIGICLUB_ENROL_CODE_FILE="$work/no-such-code" \
  dpkg_run dpkg -i "$deb" || { cat "$work/dpkg.out"; fail "dpkg -i with a missing enrolment code file failed"; }
[ "$(status)" = ii ] || fail "a missing enrolment code left the package '$(status)'"
grep -q "cannot read the enrolment code file" "$work/dpkg.out" || { cat "$work/dpkg.out"; fail "postinst did not name the missing code file"; }
ok "a missing enrolment code file: still ii, postinst names the file"

# Files in place, as dpkg records them.
dpkg -L digiclub > "$work/list"
for f in /opt/digiclub/agent/digiclub-agent.jar /opt/digiclub/kiosk/digiclub-kiosk.jar /opt/digiclub/installer/digiclub-installer.jar \
         /usr/bin/digiclub-agent /usr/bin/digiclub-kiosk /usr/bin/digiclub-installer; do
  grep -qx "$f" "$work/list" && [ -f "$f" ] || fail "$f not installed"
done
dpkg --verify digiclub || fail "dpkg --verify: installed files differ from the package"
ok "$(wc -l < "$work/list") paths installed, dpkg --verify clean"

# What runs without systemd: the agent from the installed files, and the kiosk on Xvfb.
version=$(digiclub-agent --version 2>&1) || fail "digiclub-agent --version: $version"
[[ "$version" =~ ^DigiClub\ agent\ [0-9] ]] || fail "digiclub-agent --version names no version: $version"
ok "digiclub-agent --version: $version"
version=$(digiclub-kiosk --version 2>&1) || fail "digiclub-kiosk --version: $version"
[[ "$version" =~ ^DigiClub\ kiosk\ [0-9] ]] || fail "digiclub-kiosk --version names no version: $version"
ok "digiclub-kiosk --version: $version (no display needed)"
version=$(digiclub-installer --version 2>&1) || fail "digiclub-installer --version: $version"
if digiclub-installer verify > "$work/verify.out" 2>&1; then
  cat "$work/verify.out"; fail "verify passed on a PC that is not set up"
fi
grep -q "/etc/digiclub/agent.properties is missing" "$work/verify.out" && grep -q "fix: digiclub-installer install" "$work/verify.out" \
  || { cat "$work/verify.out"; fail "verify on a PC not set up does not say to run install"; }
ok "digiclub-installer --version: $version; 'digiclub-installer verify' before set-up exits 1: $(tail -1 "$work/verify.out")"
mkdir -p "$work/agent"
# Its node_exporter textfile too: an older agent's 0644 file in the directory, the group
# digiclub-metrics as the installer makes it (by hand here: the installer's steps are its tests'),
# and the directory reachable by every account, as Debian's /var/lib/prometheus/node-exporter is.
groupadd --system digiclub-metrics
chmod 0711 "$work"
install -d -m 0755 "$work/textfiles"
echo "digiclub_session_open 0" > "$work/textfiles/digiclub_agent.prom"
chmod 0644 "$work/textfiles/digiclub_agent.prom"
old_inode=$(stat -c %i "$work/textfiles/digiclub_agent.prom")
(umask 077; echo "metrics.textfile-dir = $work/textfiles" > "$work/agent.properties")
digiclub-agent run --config "$work/agent.properties" --data-dir "$work/agent/data" --log-dir "$work/agent/log" --interval 2 > "$work/agent.out" 2>&1 &
agent=$!
for _ in $(seq 1 300); do
  [ -f "$work/agent/data/status.json" ] && break
  kill -0 $agent 2>/dev/null || { cat "$work/agent.out"; fail "the installed agent stopped"; }
  sleep 0.1
done
[ -f "$work/agent/data/status.json" ] || { kill $agent; fail "the installed agent wrote no status in 30 s"; }
digiclub-agent status --data-dir "$work/agent/data" > "$work/status.out" 2>&1 || { cat "$work/status.out"; kill $agent; fail "digiclub-agent status"; }
check_status=0; check=$(digiclub-agent status --check --data-dir "$work/agent/data" 2>&1) || check_status=$?
[[ "$check" =~ ^DIGICLUB\ (OK|WARN|CRIT|UNKNOWN)\ -\  ]] || { kill $agent; fail "status --check printed no monitoring line: $check"; }
case "${BASH_REMATCH[1]}:$check_status" in OK:0|WARN:1|CRIT:2|UNKNOWN:3) ;; *) kill $agent; fail "status --check exited $check_status for: $check";; esac
ok "digiclub-agent status --check: '$check', exit $check_status"
prom=$work/textfiles/digiclub_agent.prom
for _ in $(seq 1 300); do
  [ "$(stat -c %i "$prom")" != "$old_inode" ] && break
  sleep 0.1
done
[ "$(stat -c %i "$prom")" != "$old_inode" ] || { cat "$work/agent.out"; kill $agent; fail "the installed agent did not replace the older agent's textfile in 30 s"; }
[ "$(stat -c '%a %U %G' "$prom")" = "640 root digiclub-metrics" ] || { kill $agent; fail "the textfile is '$(stat -c '%a %U %G' "$prom")', not '640 root digiclub-metrics'"; }
grep -q '^digiclub_check_status{' "$prom" || { kill $agent; fail "the textfile has no digiclub_check_status: $(head -5 "$prom")"; }
! setpriv --reuid=nobody --regid=nogroup --clear-groups -- cat "$prom" >/dev/null 2>&1 || { kill $agent; fail "nobody read the agent's textfile"; }
ok "the installed agent's textfile replaces an older agent's 0644 file: $(stat -c '%a %U:%G' "$prom"), nobody cannot read it"
kill -TERM $agent; wait $agent 2>/dev/null || true
ok "the installed agent runs and 'digiclub-agent status' answers: $(head -1 "$work/status.out")"
if command -v xvfb-run >/dev/null; then
  timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" digiclub-kiosk --demo --exit-when-ready > "$work/kiosk.out" 2>&1 \
    || { cat "$work/kiosk.out"; fail "the installed kiosk did not start on Xvfb (a missing library in Depends?)"; }
  ok "the installed kiosk starts on Xvfb with the Depends' libraries (--demo --exit-when-ready)"
else
  fail "xvfb-run missing (scripts/test.sh installs xvfb)"
fi
echo "deb-test: not run here: systemctl (pid 1 is '$(ps -p 1 -o comm=)', not systemd); the installer's own install/upgrade/uninstall (a stand-in below)"

# --- the maintainer scripts' calls of the installer -------------------------------------------
# The installer's own steps are its tests' business (in a temporary root); here a stand-in,
# put in place the Debian way (dpkg-divert), records how the package calls it and fails on
# demand, so that what dpkg does around each call is seen.
dpkg-divert --quiet --local --rename --divert /usr/bin/digiclub-installer.distrib --add /usr/bin/digiclub-installer
cat > /usr/bin/digiclub-installer <<STUB
#!/bin/sh
echo "\$*" >> "$work/calls"
exit \$(cat "$work/stub-exit" 2>/dev/null || echo 0)
STUB
chmod 0755 /usr/bin/digiclub-installer
calls() { cat "$work/calls" 2>/dev/null; : > "$work/calls"; }
echo 0 > "$work/stub-exit"

umask 077; echo "CODE-FOR-TEST" > "$work/code"; umask 022
DIGICLUB_COLLECTOR=https://collector.invalid DIGICLUB_ENROL_CODE_FILE="$work/code" dpkg_run dpkg -i "$deb" \
  || { cat "$work/dpkg.out"; fail "dpkg -i with an enrolment code failed"; }
[ "$(calls)" = "install --collector https://collector.invalid --enrol-code-file $work/code --from /opt/digiclub" ] \
  || fail "postinst with a code did not call install as expected"
echo 3 > "$work/stub-exit"
DIGICLUB_COLLECTOR=https://collector.invalid DIGICLUB_ENROL_CODE_FILE="$work/code" dpkg_run dpkg -i "$deb" \
  || { cat "$work/dpkg.out"; fail "a failed install failed the package"; }
[ "$(status)" = ii ] && grep -q "the PC is NOT set up" "$work/dpkg.out" || fail "a failed install: status $(status), no message"
calls >/dev/null
ok "postinst with an enrolment code calls 'install --collector URL --enrol-code-file F --from /opt/digiclub'; if it fails the package is still ii and says the PC is not set up"

install -d -m 0755 /etc/digiclub
install -m 0600 /dev/null /etc/digiclub/agent.properties
echo 0 > "$work/stub-exit"
dpkg_run dpkg -i "$deb" || { cat "$work/dpkg.out"; fail "dpkg -i on a set-up PC failed"; }
[ "$(calls)" = "upgrade --from /opt/digiclub" ] || fail "postinst on a set-up PC did not call upgrade"
echo 3 > "$work/stub-exit"
! dpkg_run dpkg -i "$deb" || fail "a failed upgrade did not fail dpkg"
[ "$(status)" = iF ] || fail "a failed upgrade left the package '$(status)', not half-configured (iF)"
echo 0 > "$work/stub-exit"; calls >/dev/null
dpkg_run dpkg --configure -a || { cat "$work/dpkg.out"; fail "dpkg --configure -a"; }
[ "$(status)" = ii ] && [ "$(calls)" = "upgrade --from /opt/digiclub" ] || fail "dpkg --configure -a did not run upgrade again"
ok "on a set-up PC postinst calls 'upgrade --from /opt/digiclub'; a failed upgrade leaves iF, 'dpkg --configure -a' finishes it"

jre=$(sed -n 's/^interest-noawait //p' <(dpkg-deb --info "$deb" triggers))
dpkg-trigger --by-package=openjdk-17-jre-headless --no-await "$jre"
dpkg_run dpkg --triggers-only --pending || { cat "$work/dpkg.out"; fail "dpkg --triggers-only"; }
[ "$(calls)" = "upgrade --from /opt/digiclub" ] || fail "the JRE's trigger did not run upgrade"
echo 3 > "$work/stub-exit"
dpkg-trigger --by-package=openjdk-17-jre-headless --no-await "$jre"
dpkg_run dpkg --triggers-only --pending || { cat "$work/dpkg.out"; fail "a failed upgrade on the JRE's trigger failed dpkg"; }
[ "$(status)" = ii ] || fail "a failed upgrade on the JRE's trigger left '$(status)'"
calls >/dev/null
ok "an update of $jre calls 'upgrade' (the class-data archives); its failure never fails the JRE's update"

! dpkg_run dpkg -r digiclub || fail "a failed uninstall did not stop the removal"
# wanted: remove; state: still installed ("ri")
[ "$(status)" = ri ] && [ "$(calls)" = "uninstall" ] || fail "a failed uninstall: status '$(status)', not still installed (ri)"
ok "on a set-up PC prerm calls 'uninstall'; if it fails the package stays installed (ri: removal wanted, still installed)"
echo 0 > "$work/stub-exit"

# --- remove, purge ---------------------------------------------------------------------------
# What a set-up PC would have beside the package (the installer's and the agent's, made here by
# hand): data, logs, configuration, the two accounts. -r keeps them, -P removes them.
install -d -m 0700 /var/lib/digiclub /var/log/digiclub
echo data > /var/lib/digiclub/agent.db
echo log > /var/log/digiclub/agent.log
install -d -m 0755 /etc/digiclub
echo "# made by deb-test" > /etc/digiclub/kiosk.properties   # agent.properties is there already
install -d -m 0700 /home/.digiclub-visitor.reset   # the agent's holding directory of the home reset
# ids no account, group or process uses (inside the overlays, the machine's own DigiClub accounts
# may still run processes under their old ids)
free_id() {
  local i
  for i in $(seq 989 -1 900); do
    getent passwd "$i" >/dev/null || getent group "$i" >/dev/null || ps -e -o uid= | grep -qx " *$i" || { echo "$i"; return; }
  done
  fail "no free system id"
}
for a in digiclub-kiosk digiclub-visitor; do
  id=$(free_id)
  home=/home/digiclub-visitor; [ "$a" = digiclub-kiosk ] && home=/var/lib/digiclub-kiosk
  groupadd --system -g "$id" "$a"
  useradd --system -u "$id" -g "$id" --home-dir "$home" --create-home --shell /usr/sbin/nologin "$a"
done

dpkg_run dpkg -r digiclub || { cat "$work/dpkg.out"; fail "dpkg -r failed"; }
[ "$(status)" = rc ] || fail "after dpkg -r the status is '$(status)', not rc"
[ "$(calls)" = "uninstall" ] || fail "prerm did not call uninstall"
rm -f /usr/bin/digiclub-installer
dpkg-divert --quiet --local --rename --remove /usr/bin/digiclub-installer
while read -r f; do
  [ -d "$f" ] && continue
  [ ! -e "$f" ] || fail "$f still there after dpkg -r"
done < "$work/list"
[ ! -e /opt/digiclub ] || fail "/opt/digiclub still there after dpkg -r: $(find /opt/digiclub | head)"
[ -d /opt ] || fail "dpkg -r took /opt away (no package owns it on a fresh Debian)"
[ -f /var/lib/digiclub/agent.db ] && [ -f /var/log/digiclub/agent.log ] && [ -f /etc/digiclub/agent.properties ] \
  || fail "dpkg -r removed data, logs or configuration (they stay until purge)"
getent passwd digiclub-kiosk >/dev/null || fail "dpkg -r removed the account digiclub-kiosk"
ok "dpkg -r: 'uninstall' called, program files gone, data, logs, configuration and accounts kept (status rc)"

dpkg_run dpkg -P digiclub || { cat "$work/dpkg.out"; fail "dpkg -P failed"; }
[ "$(status)" = none ] || [ -z "$(dpkg-query -W digiclub 2>/dev/null)" ] || fail "after dpkg -P the status is '$(status)'"
for a in digiclub-kiosk digiclub-visitor; do
  ! getent passwd "$a" >/dev/null || fail "the account $a is still there after purge"
  ! getent group "$a" >/dev/null || fail "the group $a is still there after purge"
done
! getent group digiclub-metrics >/dev/null || fail "the group digiclub-metrics is still there after purge"
# the test suites' own files are not the package's: the agent tests' account, and the lock by which one test JVM
# at a time uses a shared test account (test-support's AccountLease, /run/lock/test-account-<account>.lock)
left=$(find /opt /etc /var /usr /home /run -xdev -name '*digiclub*' ! -name '*digiclub-visitor-test*' \
  ! -path '/run/lock/test-account-*.lock' 2>/dev/null || true)
[ -z "$left" ] || fail "left after purge: $left"
[ -z "$(dpkg-divert --list '*digiclub*')" ] || fail "a diversion left: $(dpkg-divert --list '*digiclub*')"
ok "dpkg -P: nothing named digiclub left under /opt /etc /var /usr /home /run, accounts and groups (digiclub-metrics too) gone"
echo "deb-test: passed in $(( $(date +%s) - start )) s"
