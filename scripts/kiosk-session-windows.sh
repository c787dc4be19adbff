# kiosk-session-windows.sh — sourced (not run) by the tools that watch the session of
# scripts/kiosk-session.sh (kiosk/scripts/session-escape-test.sh, bench/kiosk-restart/run.sh):
# which kiosk process is on screen, and its window. Needs DISPLAY and a trusted XAUTHORITY.

# The kiosk of this session on screen: the owner of its windows (a standby kiosk has none), of
# the kiosk's account and on this DISPLAY (another session may run on another display).
kiosk_java() {
  local p
  for p in $(wmctrl -lpx 2>/dev/null | awk '$4 ~ /KioskApplication/ { print $3 }' | sort -u); do
    [ "$(stat -c %U "/proc/$p" 2>/dev/null)" = digiclub-kiosk ] || continue
    tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qx "DISPLAY=$DISPLAY" && { echo "$p"; return; }
  done
}

# window_of PID: the first managed window of kiosk process PID (lock screen or session bar)
window_of() {
  wmctrl -lpx 2>/dev/null | awk -v p="$1" '$3 == p && $4 ~ /KioskApplication/ { print $1; exit }'
}
