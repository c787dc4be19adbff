#!/usr/bin/env bash
# screenshots.sh — takes the kiosk's documentation screenshots on a real X display.
#
#   kiosk/scripts/screenshots.sh [JAR] [DOCS_SCREENSHOTS_DIR]
#
# Runs the packaged kiosk with --demo --fullscreen (demo agent: staff PIN 1234, nothing wiped)
# and the example config (a real club) under ../shared/tools/xshot, reaches each state with
# the keyboard only (which also shows keyboard navigation works), and copies the pictures to
# docs/screenshots/kiosk-*.png. Look at every picture afterwards. The pictures of every screen
# in normal and large text (kiosk-<screen>.png, kiosk-<screen>-large.png) come from the headless
# truncation check instead (docs/kiosk.md, "Every screen fits"); this script keeps the few taken on
# a real X window (lock, out of order, the display switches), where a window manager is involved.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=${1:-$root/kiosk/target/digiclub-kiosk.jar}
dest=${2:-$root/docs/screenshots}
xshot=${XSHOT:-$root/../shared/tools/xshot}
[ -x "$xshot" ] || xshot=/work/shared/tools/xshot
config=$root/kiosk/config/kiosk.example.properties
mkdir -p "$dest"
work=$(mktemp -d /tmp/kiosk-shots.XXXXXX)

# shot NAME "KEYS" [extra kiosk args...]: runs the kiosk, presses KEYS (xdotool names), keeps the picture
shot() {
  local name=$1 keys=$2; shift 2
  local dir=$work/$name
  if [ -n "$keys" ]; then
    # two trailing shifts give a busy machine time to draw the last state before the picture
    "$xshot" -o "$dir" -w "${SHOT_WAIT:-12}" -k "$keys shift shift" -- java -jar "$jar" --demo --fullscreen --config "$config" "$@" >/dev/null
    cp "$dir/2-after-keys.png" "$dest/kiosk-$name.png"
  else
    "$xshot" -o "$dir" -w "${SHOT_WAIT:-12}" -- java -jar "$jar" --demo --fullscreen --config "$config" "$@" >/dev/null
    cp "$dir/1-start.png" "$dest/kiosk-$name.png"
  fi
  echo "kiosk-$name.png"
}

# focus starts on "Start as guest"; Tab order: guest, member, staff, Help, Български, English, large text, contrast.
# Each sequence starts with a harmless shift; SHOT_WAIT (default 12 s) covers a slow start on a busy machine.
shot lock-bg ""
shot lock-en "shift Tab Tab Tab Tab Tab Return"
# a 64-second session: the 1-minute warning appears about 4 s after the start; the shift keys only wait
shot large-text "shift Tab Tab Tab Tab Tab Tab Return"
shot high-contrast "shift Tab Tab Tab Tab Tab Tab Tab Return"
# out of order: the real agent client on a socket nobody serves (only staff may go in; Tab starts
# at the staff button, the visitors' ways being closed)
noagent=$work/no-agent.properties
printf 'club.name = Читалище „Родина – 1860“, Стара Загора\nagent.socket = %s/no-agent.sock\n' "$work" >"$noagent"
config=$noagent shot out-of-order-bg "" --real-agent
config=$noagent shot out-of-order-en "shift Tab Tab Tab Tab Return" --real-agent
echo "screenshots in $dest (work files in $work)"
