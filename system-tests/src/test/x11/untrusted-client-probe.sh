#!/bin/sh
# Measures what an untrusted X client (xauth generate ... untrusted) sees of a trusted window:
# keys typed into it (XQueryKeymap polling, XSelectInput on its window, XI2 raw events on the
# root, keyboard/key grabs), its pixels, key injection with XTEST, and the clipboard a trusted
# client owns. The same probes with the trusted cookie are the baseline. Figures in
# docs/security.md ("What is left: X11"). Not run by CI: a measurement, run by hand as root:
#   apt-get install -y xvfb xauth xdotool xinput python3-xlib
#   sh system-tests/src/test/x11/untrusted-client-probe.sh
# -noreset matters: without it Xvfb resets when its last client leaves and forgets the
# cookies that "xauth generate" made (they then fail as "Invalid MIT-MAGIC-COOKIE-1 key").
set -u
DISP=:57
DIR=$(mktemp -d)
P=$(dirname "$(readlink -f "$0")")/x11probe.py
PY=/usr/bin/python3
TRUSTED=$DIR/trusted.xauth
UNTRUSTED=$DIR/untrusted.xauth
touch "$TRUSTED"; xauth -q -f "$TRUSTED" add $DISP . "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
Xvfb $DISP -auth "$TRUSTED" -screen 0 1024x768x24 +extension SECURITY -nolisten tcp -noreset >"$DIR/xvfb.log" 2>&1 &
XVFB=$!
sleep 2
export DISPLAY=$DISP
XAUTHORITY=$TRUSTED xdpyinfo -queryExtensions | grep -i -E 'SECURITY|XInputExtension|XTEST' | sed 's/^/extension: /'
touch "$UNTRUSTED"
XAUTHORITY=$TRUSTED xauth -f "$UNTRUSTED" generate $DISP . untrusted timeout 3600 2>&1
echo "untrusted cookie entries: $(xauth -f "$UNTRUSTED" list | wc -l)"

probe_spies() {
  XAUTHORITY=$TRUSTED $PY "$P" victim $1 >"$DIR/victim.out" 2>&1 &
  VICTIM=$!
  sleep 1.5
  WIN=$(sed -n 's/^WINDOW //p' "$DIR/victim.out")
  echo "== victim ${1:-without a grab}: trusted window $WIN $(grep 'grab status' "$DIR/victim.out") (focus: $(XAUTHORITY=$TRUSTED xdotool getwindowfocus))"

  for who in $2; do
    [ $who = trusted ] && A=$TRUSTED || A=$UNTRUSTED
    echo "---- spy with the $who cookie"
    XAUTHORITY=$A $PY "$P" spy-grab 2>&1 | sed 's/^/  /'
    XAUTHORITY=$A $PY "$P" spy-image "$WIN" 2>&1 | sed 's/^/  /'
    before=$(grep -c 'VICTIM KEY' "$DIR/victim.out")
    XAUTHORITY=$A xdotool type --delay 50 "xy" >"$DIR/inject.$who" 2>&1
    sleep 0.5
    echo "  XTEST injection into the focused window: $(( $(grep -c 'VICTIM KEY' "$DIR/victim.out") - before )) key presses arrived $(head -c 120 "$DIR/inject.$who" | tr '\n' ' ')"
    XAUTHORITY=$A $PY "$P" spy-keymap 4 >"$DIR/keymap.$who" 2>&1 &
    K=$!
    XAUTHORITY=$A $PY "$P" spy-select "$WIN" 4 >"$DIR/select.$who" 2>&1 &
    S=$!
    XAUTHORITY=$A timeout 5 xinput test-xi2 --root >"$DIR/xi2.$who" 2>&1 &
    I=$!
    sleep 1
    # the "staff PIN", typed as a person would (XTEST, from a trusted client), into the focused victim
    XAUTHORITY=$TRUSTED xdotool type --delay 120 "918273"
    wait $K $S; wait $I 2>/dev/null
    sed 's/^/  /' "$DIR/keymap.$who" "$DIR/select.$who"
    echo "  XI2 raw key events on the root: $(grep -c -E 'EVENT type (13|14) \(Raw' "$DIR/xi2.$who") ; key events: $(grep -c -E 'EVENT type (2|3) \(Key' "$DIR/xi2.$who"); first line: $(head -1 "$DIR/xi2.$who")"
  done
  kill $VICTIM; wait $VICTIM 2>/dev/null
  echo "---- victim received: $(grep -c 'VICTIM KEY' "$DIR/victim.out") key presses in all (6 typed per spy run, plus injections)"
}

probe_spies "" "trusted untrusted"
# the PIN field grabbing the keyboard: does it stop a trusted spy?
probe_spies grab "trusted"

echo "---- clipboard owned by a trusted client"
XAUTHORITY=$TRUSTED $PY "$P" clip-own "staff-secret-clip" >"$DIR/owner.out" 2>&1 &
O=$!
sleep 1
for who in trusted untrusted; do
  [ $who = trusted ] && A=$TRUSTED || A=$UNTRUSTED
  echo "  $who reader: $(XAUTHORITY=$A $PY "$P" clip-read 2>&1 | tr '\n' ' ')"
done
kill $O $XVFB 2>/dev/null
wait 2>/dev/null
rm -rf "$DIR"
