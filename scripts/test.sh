#!/usr/bin/env bash
# Runs every DigiClub test on a fresh machine of this kind (Debian, Java 17, Maven):
# installs what the tests need (X server for the kiosk, Chromium for the dashboard,
# PostgreSQL for the collector), starts PostgreSQL, runs the Maven build with all tests,
# then the .deb's install test and the kiosk's escape test against a real window.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=(xvfb openbox xdotool wmctrl imagemagick libgtk-3-0 libgl1 libxss1 fonts-dejavu-core
           chromium chromium-driver postgresql xsel
           python3 libduktape207    # the polkit rule's test runs it in polkitd's own JavaScript engine
           prometheus               # promtool: the metrics tests check the collector's scrape and the agent's textfile with it
           prometheus-node-exporter) # the attack suite: node_exporter, as its account prometheus, reads the agent's textfile; the visitor not
missing=()
for p in "${need_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing packages: ${missing[*]} (run as root or install them)" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
fi
# the tests need promtool and node_exporter's binary only: the servers that the packages this script just installed
# started under systemd are stopped; a prometheus or node_exporter the machine ran before is left alone
for p in "${missing[@]}"; do
  case "$p" in
    prometheus | prometheus-node-exporter)
      if systemctl is-active -q "$p" 2>/dev/null; then
        systemctl disable --now "$p" >/dev/null 2>&1 || true
      fi ;;
  esac
done

# PostgreSQL for the collector's tests: Debian's cluster when we can start it, else the
# tests fall back to an embedded PostgreSQL from Maven jars.
if [ -z "${TEST_JDBC_URL:-}" ] && command -v pg_ctlcluster >/dev/null && [ "$(id -u)" -eq 0 ]; then
  ver=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -n "$ver" ]; then
    pg_ctlcluster "$ver" main start 2>/dev/null || true
    if su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then
      su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='digiclub'\"" | grep -q 1 ||
        su postgres -c "psql -qc \"create role digiclub login password 'digiclub' createdb\""
      # a fresh database every run: each test makes its own schema in it, and they would pile up
      su postgres -c "psql -qc 'drop database if exists digiclub_test with (force)'"
      su postgres -c "psql -qc 'create database digiclub_test owner digiclub'"
      export TEST_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/digiclub_test?user=digiclub&password=digiclub"
      echo "test.sh: collector tests use PostgreSQL $ver at 127.0.0.1:5432"
    fi
  fi
fi

mvn -B -ntp verify

# The club PC's .deb from the jars just built: inspected, installed with dpkg -i, run, removed
# and purged (~40 s); then installed with apt on a minimal Debian 12 (debootstrap), where its
# Depends alone must bring every library the agent and the kiosk load (~80 s).
bash scripts/deb-test.sh
bash scripts/deb-chroot-test.sh

if [ -x kiosk/scripts/escape-test.sh ]; then
  bash kiosk/scripts/escape-test.sh
fi
