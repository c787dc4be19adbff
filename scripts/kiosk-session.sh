#!/usr/bin/env bash
# kiosk-session.sh DISPLAY — starts on DISPLAY (a display number such as :57, on Xvfb) exactly the
# session an installed club PC runs, and keeps it until stopped (Ctrl+C, SIGTERM):
#  - the accounts digiclub-kiosk and digiclub-visitor (created if missing, as the attack suite does);
#  - the real agent as root with a configuration like the installed one: visitor.account,
#    visitor.xauthority, visitor.demo false, the socket in a directory root:digiclub-kiosk 0750,
#    the visitor's home a fresh directory whose parent is root's 0755;
#  - the installer's session payload (installer/src/main/resources/payload/linux/opt/digiclub/session
#    and etc/digiclub/openbox/rc.xml): digiclub-session as root with Xvfb as the server (Xorg on VT 7
#    on a club PC), the visitor's untrusted cookie, openbox with the kiosk's rc.xml, and the real
#    kiosk jar under digiclub-supervise as digiclub-kiosk.
# Everything lives in KIOSK_SESSION_DIR (default: a new /tmp/kiosk-session.XXXXXX, printed); when the
# session is up the file $KIOSK_SESSION_DIR/ready holds shell assignments for the escape test:
# DISPLAY, TRUSTED_XAUTHORITY, VISITOR_XAUTHORITY, VISITOR_HOME, AGENT_SOCKET, SESSION_PID, AGENT_PID.
# KIOSK_SESSION_CDS=1 records a class-data-sharing archive of the kiosk first (kiosk/scripts/cds-archive.sh),
# as the installer does on a club PC, and starts the kiosk with it. KIOSK_SESSION_OPENBOX_RC=FILE uses
# another openbox configuration (the escape test's negative control: /etc/xdg/openbox/rc.xml).
# KIOSK_SESSION_STANDBY=0 runs the kiosk without the standby kiosk beside it (the restart benchmark's
# reference: a cold start after every kill).
# Root only (accounts, setpriv). Needs: kiosk and agent jars built (mvn -pl kiosk,agent -am package),
# Xvfb, openbox, xauth, x11-utils, x11-xserver-utils.
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
disp=${1:-}
case $disp in :[0-9]|:[0-9][0-9]|:[0-9][0-9][0-9]) ;; *) echo "usage: kiosk-session.sh DISPLAY   (e.g. :57)" >&2; exit 2;; esac
[ "$(id -u)" = 0 ] || { echo "kiosk-session.sh: must run as root (accounts, setpriv)" >&2; exit 2; }
payload=$repo/installer/src/main/resources/payload/linux
kiosk_jar=$repo/kiosk/target/digiclub-kiosk.jar
agent_jar=$repo/agent/target/digiclub-agent.jar
for f in "$kiosk_jar" "$agent_jar" "$payload/opt/digiclub/session/digiclub-session"; do
  [ -f "$f" ] || { echo "kiosk-session.sh: no $f (mvn -B -pl kiosk,agent -am package -DskipTests)" >&2; exit 2; }
done
for c in Xvfb openbox xauth xdpyinfo xsetroot xprop setpriv java; do
  command -v $c >/dev/null || { echo "kiosk-session.sh: missing $c" >&2; exit 2; }
done
if [ -e "/tmp/.X11-unix/X${disp#:}" ] || [ -e "/tmp/.X${disp#:}-lock" ]; then
  echo "kiosk-session.sh: display $disp is taken" >&2; exit 2
fi

# the accounts of a club PC (docs/security.md), as ClubAccounts makes them
getent group digiclub-kiosk >/dev/null || groupadd --system digiclub-kiosk 2>/dev/null
id -u digiclub-kiosk >/dev/null 2>&1 || useradd --system --gid digiclub-kiosk --no-create-home \
  --home-dir /nonexistent --shell /usr/sbin/nologin digiclub-kiosk 2>/dev/null
id -u digiclub-visitor >/dev/null 2>&1 || useradd --system --user-group --create-home \
  --home-dir /home/digiclub-visitor --shell /bin/sh digiclub-visitor 2>/dev/null
id -u digiclub-kiosk >/dev/null && id -u digiclub-visitor >/dev/null || { echo "kiosk-session.sh: cannot create the accounts" >&2; exit 1; }

umask 022
dir=${KIOSK_SESSION_DIR:-$(mktemp -d /tmp/kiosk-session.XXXXXX)}
mkdir -p "$dir"; chown root:root "$dir"; chmod 0755 "$dir"
rm -f "$dir/ready"
# what the installer lays out under /opt/digiclub and /etc/digiclub, root's
mkdir -p "$dir/opt/session" "$dir/opt/kiosk" "$dir/etc/openbox"
cp "$payload"/opt/digiclub/session/* "$dir/opt/session/"; chmod 0755 "$dir"/opt/session/*
cp "${KIOSK_SESSION_OPENBOX_RC:-$payload/etc/digiclub/openbox/rc.xml}" "$dir/etc/openbox/rc.xml"
cp "$kiosk_jar" "$dir/opt/kiosk/"; cp -r "$repo/kiosk/target/lib" "$dir/opt/kiosk/" 2>/dev/null
cp "$repo/kiosk/config/kiosk.jvm-options" "$dir/opt/kiosk/"
kiosk_jvm=(@"$dir/opt/kiosk/kiosk.jvm-options")
if [ "${KIOSK_SESSION_CDS:-0}" = 1 ]; then
  if bash "$repo/kiosk/scripts/cds-archive.sh" "$dir/opt/kiosk/digiclub-kiosk.jar" "$dir/opt/kiosk/digiclub-kiosk.jsa" >"$dir/cds.log" 2>&1; then
    chmod 0644 "$dir/opt/kiosk/digiclub-kiosk.jsa"
    kiosk_jvm+=("-XX:SharedArchiveFile=$dir/opt/kiosk/digiclub-kiosk.jsa")
  else
    echo "kiosk-session.sh: no class-data archive (see $dir/cds.log); the kiosk starts without" >&2
  fi
fi
# the socket's directory (systemd's RuntimeDirectory on a club PC): root:digiclub-kiosk 0750
install -d -o root -g digiclub-kiosk -m 0750 "$dir/run"
# the agent's data and logs, root's alone
install -d -o root -g root -m 0700 "$dir/agent" "$dir/log"
# the visitor's home, in a directory of root's (0755), from /etc/skel
install -d -o root -g root -m 0755 "$dir/homes"
rm -rf "$dir/homes/digiclub-visitor"
install -d -o digiclub-visitor -g digiclub-visitor -m 0700 "$dir/homes/digiclub-visitor"
session_run=$dir/session-run
# the kiosk's account must reach its files here (a 0700 directory above $dir, as mktemp -d makes, stops it)
if ! setpriv --reuid=digiclub-kiosk --regid=digiclub-kiosk --clear-groups -- test -x "$dir/opt/session/digiclub-kiosk-xsession"; then
  echo "kiosk-session.sh: digiclub-kiosk cannot reach $dir (a directory above it is not 0755?)" >&2; exit 2
fi
# the kiosk account's working directory (/var/lib/digiclub-kiosk on a club PC, 0700)
install -d -o digiclub-kiosk -g digiclub-kiosk -m 0700 "$dir/kiosk-home"

cat >"$dir/agent.properties" <<CONF
# like /etc/digiclub/agent.properties on a club PC (kiosk-session.sh)
data-dir = $dir/agent
log-dir = $dir/log
link.socket = $dir/run/agent.sock
link.socket-group = digiclub-kiosk
link.kiosk-user = digiclub-kiosk
visitor.account = digiclub-visitor
visitor.home = $dir/homes/digiclub-visitor
visitor.xauthority = $session_run/visitor.xauth
visitor.demo = false
CONF
chmod 0600 "$dir/agent.properties"
cat >"$dir/kiosk.properties" <<CONF
# like /etc/digiclub/kiosk.properties on a club PC (kiosk-session.sh)
club.name=Читалище „Родина – 1860“, Стара Загора
agent.socket=$dir/run/agent.sock
CONF
chown root:digiclub-kiosk "$dir/kiosk.properties"; chmod 0640 "$dir/kiosk.properties"

pids=()
stop() {
  trap - TERM INT HUP EXIT
  rm -f "$dir/ready"
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for _ in $(seq 50); do
    alive=""; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && break; sleep 0.1
  done
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  # nothing of the kiosk's or the visitor's account on this display may outlive the session (other
  # sessions of these accounts on this machine, e.g. a parallel test's, are left alone)
  for p in $(pgrep -u digiclub-kiosk,digiclub-visitor); do
    tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qx "DISPLAY=$disp" && kill -KILL "$p" 2>/dev/null
  done
  wait 2>/dev/null
  echo "kiosk-session.sh: stopped (files in $dir)"
}
trap 'stop; exit 0' TERM INT HUP
trap stop EXIT

java @"$repo/agent/config/agent.jvm-options" -jar "$agent_jar" run --config "$dir/agent.properties" >"$dir/agent.log" 2>&1 &
agent_pid=$!; pids+=($agent_pid)
for _ in $(seq 150); do [ -S "$dir/run/agent.sock" ] && break; kill -0 "$agent_pid" 2>/dev/null || break; sleep 0.1; done
[ -S "$dir/run/agent.sock" ] || { echo "kiosk-session.sh: the agent did not open its socket:" >&2; tail -20 "$dir/agent.log" >&2; exit 1; }

DIGICLUB_SESSION_RUN=$session_run DIGICLUB_OPENBOX_RC=$dir/etc/openbox/rc.xml \
  DIGICLUB_KIOSK_CONFIG=$dir/kiosk.properties DIGICLUB_KIOSK_HOME=$dir/kiosk-home \
  DIGICLUB_KIOSK_CMD="java ${kiosk_jvm[*]} -jar $dir/opt/kiosk/digiclub-kiosk.jar --config $dir/kiosk.properties" \
  DIGICLUB_KIOSK_STANDBY="${KIOSK_SESSION_STANDBY:-1}" \
  "$dir/opt/session/digiclub-session" "$disp" Xvfb -screen 0 "${KIOSK_SESSION_SIZE:-1280x800}x24" >"$dir/session.log" 2>&1 &
session_pid=$!; pids+=($session_pid)
for _ in $(seq 100); do [ -f "$session_run/kiosk.xauth" ] && break; kill -0 "$session_pid" 2>/dev/null || break; sleep 0.1; done
[ -f "$session_run/kiosk.xauth" ] || { echo "kiosk-session.sh: the session did not start:" >&2; cat "$dir/session.log" >&2; exit 1; }

cat >"$dir/ready.new" <<READY
DISPLAY=$disp
TRUSTED_XAUTHORITY=$session_run/server.xauth
VISITOR_XAUTHORITY=$session_run/visitor.xauth
VISITOR_HOME=$dir/homes/digiclub-visitor
AGENT_SOCKET=$dir/run/agent.sock
AGENT_CONFIG=$dir/agent.properties
SESSION_PID=$session_pid
AGENT_PID=$agent_pid
SESSION_DIR=$dir
READY
mv "$dir/ready.new" "$dir/ready"
echo "kiosk-session.sh: session on $disp (agent pid $agent_pid, session pid $session_pid); files in $dir; Ctrl+C stops it"
wait -n "$agent_pid" "$session_pid"
echo "kiosk-session.sh: the agent or the session ended" >&2
exit 1
