#!/usr/bin/env bash
# build-debs.sh — builds the club PC's Debian package from the `mvn package` output.
#
#   scripts/build-debs.sh [--no-build] [--runtime system|jlink] [--out DIR]
#
# Writes DIR/digiclub_<version>_<arch>.deb (default DIR: dist/). One package holds the agent, the
# kiosk and the installer under /opt/digiclub (the layout of the shared contract,
# docs/operations.md) and the commands /usr/bin/digiclub-{installer,agent,kiosk}; its maintainer
# scripts (packaging/deb/) call the installer, which sets up accounts, configuration, units and
# the session. For Debian 12 and Ubuntu 24.04 (the t64 names are alternatives in Depends); tried
# on Debian 12 only (scripts/deb-test.sh, scripts/deb-chroot-test.sh).
#
# --runtime system (the default) depends on the distribution's JRE (openjdk-17-jre-headless);
# --runtime jlink ships a trimmed runtime made with jlink in /opt/digiclub/runtime instead. Both
# were measured (docs/operations.md, "Why the package uses the distribution's Java"); the jlink
# variant is kept to measure again.
# --no-build uses the jars already in */target (as after `mvn verify` in scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

runtime=system
out=dist
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --runtime) runtime=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-debs: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$runtime" in system|jlink) ;; *) echo "build-debs: --runtime is system or jlink" >&2; exit 2 ;; esac

if [ "$build" = 1 ]; then
  mvn -B -q -ntp package -DskipTests -pl agent,kiosk,installer -am
fi
for m in agent kiosk installer; do
  [ -f "$m/target/digiclub-$m.jar" ] && [ -d "$m/target/lib" ] ||
    { echo "build-debs: no $m/target/digiclub-$m.jar (run without --no-build)" >&2; exit 1; }
done

arch=$(dpkg --print-architecture)
pom_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
# 0.1.0-SNAPSHOT -> 0.1.0~snapshot.202612042128.583a7c0 (sorts before the release 0.1.0)
if [ -n "${DIGICLUB_DEB_VERSION:-}" ]; then
  version=$DIGICLUB_DEB_VERSION
elif [[ "$pom_version" == *-SNAPSHOT ]]; then
  stamp=$(TZ=UTC git log -1 --format=%cd --date=format-local:%Y%m%d%H%M 2>/dev/null || date -u +%Y%m%d%H%M)
  sha=$(git rev-parse --short=7 HEAD 2>/dev/null || echo nogit)
  version="${pom_version%-SNAPSHOT}~snapshot.$stamp.$sha"
else
  version=$pom_version
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/root
opt=$root/opt/digiclub
install -d -m 0755 "$opt" "$root/usr/bin" "$root/usr/share/doc/digiclub" "$root/DEBIAN"

for m in agent kiosk installer; do
  install -d -m 0755 "$opt/$m/lib"
  install -m 0644 "$m/target/digiclub-$m.jar" "$opt/$m/"
  install -m 0644 "$m/target/lib/"*.jar "$opt/$m/lib/"
done
install -m 0644 agent/config/agent.jvm-options "$opt/agent/"
install -m 0644 kiosk/config/kiosk.jvm-options "$opt/kiosk/"
install -m 0644 agent/config/agent.example.properties "$opt/agent/"
install -m 0644 kiosk/config/kiosk.example.properties "$opt/kiosk/"
install -m 0755 agent/scripts/cds-archive.sh "$opt/agent/"

if [ "$runtime" = jlink ]; then
  # The modules jdeps finds for the three programs, plus what they load by name: TLS to the
  # collector (jdk.crypto.ec), logback's XML, Bulgarian dates (jdk.localedata, bg and en only).
  modules=java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.net,jdk.unsupported,jdk.zipfs
  jlink --add-modules "$modules" --include-locales=bg,en --strip-debug --no-header-files --no-man-pages \
        --compress=2 --generate-cds-archive --output "$opt/runtime" >/dev/null
  java_bin=/opt/digiclub/runtime/bin/java
  jre_depends=""
else
  java_bin=/usr/lib/jvm/java-17-openjdk-$arch/bin/java
  jre_depends="openjdk-17-jre-headless, "
fi

# The commands. The JDK is named by its path: Ubuntu 24.04's default java is 21.
launcher() { # name jar-dir jvm-options extra
  cat > "$root/usr/bin/$1" <<SH
#!/bin/sh
# $1 — installed by the digiclub package (scripts/build-debs.sh).
$4
exec $java_bin $3 -jar /opt/digiclub/$2/digiclub-$2.jar "\$@"
SH
  chmod 0755 "$root/usr/bin/$1"
}
launcher digiclub-installer installer "" ""
launcher digiclub-kiosk kiosk "@/opt/digiclub/kiosk/kiosk.jvm-options" ""
# Staff type `digiclub-agent status` as root: the installed configuration is added when the
# command names none (every subcommand takes --config).
launcher digiclub-agent agent "@/opt/digiclub/agent/agent.jvm-options" 'case "${1:-}" in
  ""|-*) ;;
  *) case " $* " in *" --config "*|*" --config="*) ;; *) [ -f /etc/digiclub/agent.properties ] && set -- "$@" --config /etc/digiclub/agent.properties ;; esac ;;
esac'

cat > "$root/usr/share/doc/digiclub/copyright" <<TXT
DigiClub — agent, kiosk and installer for the public computers of municipal digital clubs.
Built from the DigiClub source tree, commit $(git rev-parse HEAD 2>/dev/null || echo unknown).
The third-party libraries in /opt/digiclub/*/lib keep their own licences (their jars hold them).
TXT
chmod 0644 "$root/usr/share/doc/digiclub/copyright"
# A native package's changelog: this build's version and commit.
printf 'digiclub (%s) unstable; urgency=medium\n\n  * Built from commit %s.\n\n -- %s  %s\n' \
  "$version" "$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
  "${DIGICLUB_DEB_MAINTAINER:-DigiClub maintainers <digiclub@localhost>}" \
  "$(TZ=UTC git log -1 --format=%cD 2>/dev/null || date -uR)" | gzip -9n > "$root/usr/share/doc/digiclub/changelog.gz"
chmod 0644 "$root/usr/share/doc/digiclub/changelog.gz"
install -m 0755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm "$root/DEBIAN/"
if [ "$runtime" = system ]; then
  sed "s:java-17-openjdk-amd64:java-17-openjdk-$arch:" packaging/deb/triggers > "$root/DEBIAN/triggers"
  chmod 0644 "$root/DEBIAN/triggers"
fi

# Depends, each checked against the programs: the JavaFX natives' NEEDED libraries (readelf -d on
# javafx-graphics-linux: GTK 3, GL, X11, Xtst, Xxf86vm, fontconfig, freetype), libXss for the
# kiosk's idle time, the session (X server, xauth for the visitor's untrusted cookie, the window
# manager), Xvfb (the installer records the kiosk's class-data archive on a display of its own),
# setpriv (util-linux) and useradd (passwd) for the accounts, systemd for the units.
# jpackage's own .deb would omit libgtk-3-0 (DESIGN.md). util-linux is Essential: the version
# (Debian 12 has 2.38) says setpriv is needed, not just any util-linux.
depends="${jre_depends}libc6, libgtk-3-0 | libgtk-3-0t64, libgl1, libx11-6, libxtst6, libxxf86vm1, libfontconfig1, libfreetype6, libxss1, xserver-xorg-core, xserver-xorg-input-libinput, xauth, openbox, x11-xserver-utils, xvfb, util-linux (>= 2.38), passwd, procps, systemd"
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CTL
Package: digiclub
Version: $version
Architecture: $arch
Maintainer: ${DIGICLUB_DEB_MAINTAINER:-DigiClub maintainers <digiclub@localhost>}
Section: misc
Priority: optional
Installed-Size: $installed_kb
Depends: $depends
Recommends: smartmontools, udisks2, chromium | firefox-esr | firefox
Suggests: libreoffice-writer, libreoffice-calc
Description: public computers of municipal digital clubs (agent, kiosk)
 Runs a public computer of a DigiClub digital club: the agent (health,
 sessions, anonymous usage uploads), the locked-down kiosk the visitor
 sees, and digiclub-installer, which sets the PC up (accounts,
 configuration, systemd units, the kiosk's X session). After installing
 the package, as root:
 digiclub-installer install --collector URL --enrol-code-file FILE
CTL
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's: \./: :') > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

mkdir -p "$out"
deb="$out/digiclub_${version}_${arch}.deb"
rm -f "$out"/digiclub_*_"$arch".deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "build-debs: $deb ($(du -h "$deb" | cut -f1), installed $((installed_kb / 1024)) MiB, runtime: $runtime)"
