#!/usr/bin/env bash
# session-escape-test.sh [OUTDIR] — the escape test against the session an installed club PC runs
# (scripts/kiosk-session.sh: the accounts, the real agent as root, the installer's digiclub-session
# with openbox and its rc.xml, the supervised kiosk jar as digiclub-kiosk, the visitor's untrusted
# X cookie), on Xvfb. Called by escape-test.sh when run as root; needs the agent and kiosk jars.
#
# "Keys" are typed through XTEST with the session's trusted cookie: what a physical keyboard does.
# "visitor" attempts run as digiclub-visitor with the untrusted cookie the agent gives visitor
# programs (visitor.xauthority). On the lock screen and in a guest session it tries: desktop
# switching by keys (Ctrl+Alt+arrows, Super+F1/F2) and by `wmctrl -s`/`-n`, the root window's
# right click and Alt+Space (no menu may appear), Super combinations, minimising and unmapping the
# session bar, a visitor program raised, "above" and fullscreen over the session bar, `kill -9`
# and `kill -STOP` of the kiosk by the visitor (refused), and the kiosk killed by root (back, with
# the time printed: the goal is 1 s; the session ended and the visitor reset by the agent).
# Exit 0 only if every check passed; screenshots and logs in OUTDIR.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$(mktemp -d /tmp/session-escape.XXXXXX)}
[ "$(id -u)" = 0 ] || { echo "session-escape-test: needs root (accounts, setpriv); skipped"; exit 2; }
mkdir -p "$out"
chmod 0755 "$out"   # the kiosk's account reaches the session's files below it
w=1280; h=800
disp=:$((500 + RANDOM % 400))
while [ -e "/tmp/.X11-unix/X${disp#:}" ]; do disp=:$((500 + RANDOM % 400)); done

# the kiosk with its class-data archive, as the installer records it on a club PC
KIOSK_SESSION_CDS=${KIOSK_SESSION_CDS:-1} KIOSK_SESSION_DIR=$out/session KIOSK_SESSION_SIZE=${w}x$h bash "$repo/scripts/kiosk-session.sh" "$disp" >"$out/kiosk-session.log" 2>&1 &
ks=$!
finish() {
  kill -TERM "$ks" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$ks" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$ks" 2>/dev/null
}
trap finish EXIT
for _ in $(seq 300); do [ -f "$out/session/ready" ] && break; kill -0 "$ks" 2>/dev/null || break; sleep 0.1; done
if [ ! -f "$out/session/ready" ]; then echo "session-escape-test: the session did not start"; cat "$out/kiosk-session.log"; exit 1; fi
# shellcheck disable=SC1091
. "$out/session/ready"
export DISPLAY XAUTHORITY=$TRUSTED_XAUTHORITY

V() {  # as a visitor program: the visitor's account, the untrusted cookie, nothing else
  env -i PATH=/usr/bin:/bin HOME="$VISITOR_HOME" DISPLAY="$DISPLAY" XAUTHORITY="$VISITOR_XAUTHORITY" \
    setpriv --reuid=digiclub-visitor --regid=digiclub-visitor --clear-groups -- "$@"
}
# shellcheck source=../../scripts/kiosk-session-windows.sh
. "$repo/scripts/kiosk-session-windows.sh"
kiosk_window() {  # the kiosk's managed window (lock screen or session bar), of the kiosk on screen
  local pid; pid=$(kiosk_java)
  [ -n "$pid" ] && window_of "$pid"
}
viewable_set() {  # the root's viewable children: a menu of the window manager would add one
  xwininfo -root -children 2>/dev/null | awk '/^ +0x/ { print $1 }' | while read -r win; do
    xwininfo -id "$win" 2>/dev/null | grep -q IsViewable && echo "$win"
  done | sort
}
wait_for_kiosk() {  # up to $1 seconds for a viewable window of the running kiosk
  local wid=""
  for _ in $(seq $(( $1 * 20 ))); do
    wid=$(kiosk_window)
    [ -n "$wid" ] && xwininfo -id "$wid" 2>/dev/null | grep -q IsViewable && { echo "$wid"; return 0; }
    sleep 0.05
  done
  return 1
}

passed=0; failed=0
result() {  # result NAME PROBLEMS
  import -window root "$out/after-$1.png" 2>/dev/null
  if [ -z "$2" ]; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1:$2"; failed=$((failed + 1)); fi
}
baseline=""
check() {  # check NAME MODE — MODE lock: the lock screen fullscreen and focused; session: the bar on top
  local name=$1 mode=$2 problems=""
  sleep 1.5   # the kiosk acts on the window's events (a refused focus: again every second); the window manager needs a moment too
  [ -n "$(kiosk_java)" ] || problems+=" kiosk-not-running"
  local wid; wid=$(kiosk_window)
  local desks; desks=$(wmctrl -d | wc -l)
  [ "$desks" = 1 ] || problems+=" desktops=$desks"
  wmctrl -d | grep -q '^0  \*' || problems+=" not-on-desktop-0"
  if [ -z "$wid" ]; then
    problems+=" window-gone"
  else
    xwininfo -id "$wid" | grep -q IsViewable || problems+=" unmapped"
    local state; state=$(xprop -id "$wid" _NET_WM_STATE 2>/dev/null)
    [[ $state == *_NET_WM_STATE_HIDDEN* ]] && problems+=" minimised"
    [[ $state == *_NET_WM_STATE_ABOVE* ]] || problems+=" not-above"
    local top; top=$(xprop -root _NET_CLIENT_LIST_STACKING | awk '{ print $NF }')
    [ "$((top))" = "$((wid))" ] || problems+=" not-on-top(top=$top)"
    if [ "$mode" = lock ]; then
      local geo; geo=$(wmctrl -lG | awk -v x="$wid" '$1 == x { print $3, $4, $5, $6 }')
      [ "$geo" = "0 0 $w $h" ] || problems+=" geometry=[$geo]"
      [[ $state == *_NET_WM_STATE_FULLSCREEN* ]] || problems+=" not-fullscreen"
      local active; active=$(xprop -root _NET_ACTIVE_WINDOW | awk '{ print $NF }')
      [ "$((active))" = "$((wid))" ] || problems+=" not-focused"
    fi
  fi
  local now; now=$(viewable_set)
  local extra; extra=$(comm -13 <(echo "$baseline") <(echo "$now") | tr '\n' ' ')
  # a new viewable window that is no managed client's frame and not the kiosk's: a menu of the
  # window manager (openbox's menus are ordinary windows of openbox's, not override-redirect)
  local clients; clients=$(for c in $(wmctrl -l | awk '{ print $1 }'); do printf '0x%x\n' "$c"; done)
  for x in $extra; do
    local tree; tree=$(xwininfo -tree -id "$x" 2>/dev/null | awk '/^ +0x/ { print $1 }')
    local framed=""
    for c in $clients; do grep -qx "$c" <<<"$tree" && framed=1; done
    [ -n "$framed" ] && continue
    xprop -id "$x" WM_CLASS 2>/dev/null | grep -q KioskApplication && continue
    problems+=" new-window($x $(xprop -id "$x" WM_CLASS 2>/dev/null | cut -d= -f2))"
  done
  result "$name" "$problems"
}

wid=$(wait_for_kiosk 40) || { echo "session-escape-test: the lock screen never appeared"; tail -20 "$out/session/session.log"; exit 1; }
sleep 2
baseline=$(viewable_set)
echo "session-escape-test: session on $DISPLAY (files in $out/session)"

# ---- the lock screen ----
check lock-start lock
xdotool key ctrl+alt+Right;           check lock-ctrl-alt-right lock
xdotool key ctrl+alt+Left;            check lock-ctrl-alt-left lock
xdotool key super+F2;                 check lock-super-f2 lock
xdotool key super+d super+e super+r;  check lock-super-d-e-r lock
xdotool key super;                    check lock-super lock
xdotool key alt+space;                check lock-alt-space lock
xdotool key alt+F4 alt+Tab Escape;    check lock-alt-f4-tab-escape lock
wmctrl -s 1;                          check lock-wmctrl-s-trusted lock
V wmctrl -s 1 2>/dev/null;            check lock-wmctrl-s-visitor lock
V wmctrl -n 4 2>/dev/null;            check lock-wmctrl-n-visitor lock

# ---- a guest session: the session bar over the black root window ----
# by keyboard, as the lock screen and the form lay out their focus (no coordinates to go stale
# when a layout changes): Enter on the focused "start as a guest", Space on the focused "I accept
# the rules", Enter for the form's default button "Start"
xdotool key Return; sleep 1.5
xdotool key space; sleep 0.5
xdotool key Return
bar=""
for _ in $(seq 100); do
  bar=$(kiosk_window); [ -n "$bar" ] && [ "$(wmctrl -lG | awk -v x="$bar" '$1 == x { print $6 }')" -lt 200 ] 2>/dev/null && break; sleep 0.1
done
import -window root "$out/session-started.png" 2>/dev/null
# every check below needs a real session at the agent: without one they would prove nothing
for _ in $(seq 100); do grep -q "started (GUEST)" "$out/session/agent.log" && break; sleep 0.1; done
p=""; grep -q "started (GUEST)" "$out/session/agent.log" || p=" the-agent-started-no-guest-session"
result session-started-at-the-agent "$p"
# the first-session hint (a kiosk window above the bar, its "Разбрах" focused) closed as a visitor
# would: the checks below want the session bar itself on top
sleep 1; xdotool key Return; sleep 0.5
baseline=$(viewable_set)
check session-start session
xdotool mousemove 100 100 click 3;    check session-root-right-click session
xdotool mousemove 100 100 click 2;    check session-root-middle-click session
xdotool key alt+space;                check session-alt-space session
xdotool key ctrl+alt+Right super+F1;  check session-desktop-keys session
V wmctrl -s 1 2>/dev/null;            check session-wmctrl-s-visitor session
bar=$(kiosk_window)
V wmctrl -i -r "$bar" -b add,hidden 2>/dev/null;   check session-bar-minimise-visitor session
V xdotool windowunmap "$bar" >/dev/null 2>&1;       check session-bar-unmap-visitor session
V wmctrl -i -c "$bar" 2>/dev/null;                  check session-bar-close-visitor session
xdotool windowminimize "$bar" 2>/dev/null;          check session-bar-minimise-trusted session
# a visitor program as big as the screen, then raised, "above" and fullscreen over the bar
V xmessage -geometry ${w}x$h+0+0 -name visitor-program "a visitor program" >/dev/null 2>&1 &
for _ in $(seq 50); do vw=$(wmctrl -lx | awk '$3 ~ /visitor-program/ { print $1; exit }'); [ -n "$vw" ] && break; sleep 0.1; done
if [ -z "${vw:-}" ]; then
  result visitor-program-opens " the-visitor-program-got-no-window(untrusted-cookie?)"
else
  result visitor-program-opens ""
  V wmctrl -i -a "$vw" 2>/dev/null
  V wmctrl -i -r "$vw" -b add,above,fullscreen 2>/dev/null
  xdotool mousemove 640 300 click 1   # the visitor clicks into it: focus and raise
  check session-visitor-program-raised session
  # the pixels of the kiosk's window: refused to an untrusted client (its title is not: the server's
  # SecurityPolicy lets every client read WM_NAME and WM_CLASS, which window lists need)
  if V import -window "$bar" png:- 2>/dev/null | head -c 8 | grep -q PNG; then
    result visitor-cannot-read-bar-pixels " the-visitor-took-a-screenshot-of-the-kiosk's-window"
  else
    result visitor-cannot-read-bar-pixels ""
  fi
fi

# ---- signals ----
kp=$(kiosk_java)
V kill -KILL "$kp" 2>/dev/null; r1=$?
V kill -STOP "$kp" 2>/dev/null; r2=$?
p=""; [ "$r1" != 0 ] || p+=" kill-9-accepted"; [ "$r2" != 0 ] || p+=" kill-STOP-accepted"
[ "$(kiosk_java)" = "$kp" ] || p+=" kiosk-pid-changed"
grep -q "^State:.*stopped" "/proc/$kp/status" 2>/dev/null && p+=" kiosk-stopped"
result visitor-kill-refused "$p"
p=""
for sup in $(pgrep -u digiclub-kiosk -f "$SESSION_DIR/opt/session/digiclub-supervise"); do V kill -KILL "$sup" 2>/dev/null && p+=" supervisor-killed"; done
result visitor-cannot-kill-supervisor "$p"

t0=$(date +%s%N)
kill -KILL "$kp"
back=""
for _ in $(seq 200); do
  np=$(kiosk_java)
  if [ -n "$np" ] && [ "$np" != "$kp" ]; then
    nw=$(kiosk_window)
    if [ -n "$nw" ] && xwininfo -id "$nw" 2>/dev/null | grep -q IsViewable; then back=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
  fi
  sleep 0.02
done
if [ -z "$back" ]; then
  result root-kill-kiosk-back " not-back-within-4s"
else
  echo "     the kiosk killed by root: its window mapped again after $back ms (goal: 1000 ms)"
  baseline=$(viewable_set)
  check root-kill-kiosk-back lock
  p=""
  # the agent ends the session as soon as it sees the kiosk's process gone (its connection ends),
  # not when the heartbeats stop (session.heartbeat-seconds, 30 s, twice): the log says which
  for _ in $(seq 900); do grep -q "ended (INTERRUPTED" "$out/session/agent.log" && break; sleep 0.1; done
  grep -q "ended (INTERRUPTED" "$out/session/agent.log" || p+=" the-agent-did-not-end-the-session"
  grep -q "its kiosk (pid $kp) is gone; ending the session" "$out/session/agent.log" || p+=" not-ended-for-the-kiosk's-death"
  # the agent's verdict on the whole reset (programs, media, home, temp files)
  grep -q "ended (INTERRUPTED, by AGENT); reset ok" "$out/session/agent.log" || p+=" the-visitor-was-not-reset"
  pgrep -u digiclub-visitor >/dev/null && p+=" visitor-programs-left"
  echo "     the session ended by the agent $(( ($(date +%s%N) - t0) / 1000000 )) ms after the kill"
  result root-kill-session-ended-and-reset "$p"
fi

echo "session-escape-test: $passed passed, $failed failed (screenshots and logs in $out)"
[ "$failed" = 0 ]
