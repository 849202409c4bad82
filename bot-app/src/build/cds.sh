#!/usr/bin/env bash
# Makes the AppCDS archive that ./networkeras starts with: the classes a console loads up to its
# first answers, parsed, verified and laid out once here, so that later starts map them instead.
# A training run (a new data folder, the starter catalog, /events tonight, /help) writes it at exit.
#
# usage (from the repository root, with the jar path ./networkeras uses):
#   bot-app/src/build/cds.sh bot-app/target/networkeras.jar bot-app/target/networkeras.jsa
# The JVM refuses an archive whose jar changed since (it checks the jar's size and time), and
# ./networkeras only passes it when it is newer than the jar.
set -euo pipefail
jar=$1
archive=$2
data=$(mktemp -d "${TMPDIR:-/tmp}/networkeras-cds.XXXXXX")
trap 'rm -rf "$data"' EXIT
rm -f "$archive"
# The same JVM options as ./networkeras (NETWORKERAS_QUICK_START_OPTS there): an archive is only
# used by a JVM configured like the one that wrote it.
# shellcheck disable=SC2086
printf '/events tonight\n/help\n/event 4-1126\n/when friday 7pm\n' \
  | java ${NETWORKERAS_QUICK_START_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} \
      -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -jar "$jar" --data "$data" > /dev/null
echo "AppCDS archive written: $archive ($(du -h "$archive" | cut -f1))"
