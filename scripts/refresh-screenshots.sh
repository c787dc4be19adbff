#!/usr/bin/env bash
# refresh-screenshots.sh — retakes the documentation's pictures that tests take, and copies the
# ones that changed into docs/screenshots/.
#
#   scripts/refresh-screenshots.sh              # both modules' pictures
#   scripts/refresh-screenshots.sh kiosk        # only the kiosk's (or: collector)
#
# Tests write pictures to their module's target/ only, never into docs/:
#   kiosk      EveryScreenFitsTest (headless JavaFX)   -> kiosk/target/screenshots/kiosk-*.png
#              (Bulgarian normal and large text, English of the guest form and the member's
#              first login, the launcher in both languages and three modes)
#   collector  DashboardBrowserTest, RoomBrowserTest, ProgrammeBrowserTest (real Chromium)
#              -> collector/target/screenshots/dashboard-*.png, programme-report*.png
# This script runs those tests, then copies each picture to docs/screenshots/ only where its
# pixels differ from the committed one (ImageMagick's compare; without it, where the bytes differ),
# so a re-encoded but identical picture leaves git clean. Look at what `git status docs/screenshots`
# lists before committing it: commit a picture because the screen changed, not because it was retaken.
#
# Not covered here: kiosk/scripts/screenshots.sh (a real X window: lock, out of order, display
# switches) and kiosk/scripts/session-escape-test.sh (the installed session, as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

case "${1:-all}" in
  all) modules=kiosk,collector ;;
  kiosk | collector) modules=$1 ;;
  *) echo "usage: $0 [kiosk|collector]" >&2; exit 2 ;;
esac
tests=EveryScreenFitsTest,DashboardBrowserTest,RoomBrowserTest,ProgrammeBrowserTest
for module in ${modules//,/ }; do
  rm -rf "$module/target/screenshots"
done
mvn -B -q -pl "$modules" -am verify -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false

same_picture() {
  if command -v compare >/dev/null; then
    # compare prints the number of differing pixels on stderr; exit 0 means identical
    compare -metric AE "$1" "$2" null: >/dev/null 2>&1
  else
    cmp -s "$1" "$2"
  fi
}

changed=0
taken=0
for picture in $(for module in ${modules//,/ }; do echo "$module"/target/screenshots/*.png; done); do
  [ -e "$picture" ] || continue
  taken=$((taken + 1))
  docs=docs/screenshots/$(basename "$picture")
  if [ -e "$docs" ] && same_picture "$picture" "$docs"; then
    continue
  fi
  cp "$picture" "$docs"
  echo "changed: $docs"
  changed=$((changed + 1))
done
if [ "$taken" -eq 0 ]; then
  echo "refresh-screenshots: the tests took no pictures" >&2
  exit 1
fi
echo "refresh-screenshots: $taken pictures taken, $changed copied to docs/screenshots/"
