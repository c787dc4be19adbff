#!/usr/bin/env bash
# bench/kiosk-idle/build-libki.sh SOURCE OUTDIR — builds the Libki client (Qt 5, qmake) to compare
# the kiosk's idle cost with; prints the path of the built libkiclient.
# SOURCE is a checkout of the Libki client's public repository (github.com/Libki/libki-client) or
# a bare git directory of it (its HEAD is exported). Needs, on Debian 12: qtbase5-dev
# qtbase5-dev-tools qt5-qmake qtscript5-dev libqt5webkit5-dev g++ make.
set -eu
src=$1
out=$2
mkdir -p "$out/src"
if [ -f "$src/Libki.pro" ]; then
  cp -a "$src/." "$out/src/"
else
  git --git-dir="$src" archive HEAD | tar -x -C "$out/src"
  git --git-dir="$src" log -1 --format='%h %s' >"$out/version"
fi
cd "$out/src"
qmake -qt=qt5 Libki.pro >"$out/qmake.log" 2>&1
make -j"$(nproc)" >"$out/make.log" 2>&1
echo "$out/src/libkiclient"
