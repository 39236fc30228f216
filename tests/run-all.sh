#!/usr/bin/env bash
# Runs every VirtPlanet test on a fresh Debian machine with the .NET 10 SDK.
# Installs what the tests need when it is missing (Debian packages: chromium for the browser tests,
# jing for Atom schema validation, python3-feedparser for the round-trip test,
# python3-rdflib for reading the RSS 1.0 and FOAF outputs as RDF, postgresql for the tests that
# start a throwaway PostgreSQL cluster, tzdata for the tests that run the planet in another time zone), then builds with
# warnings as errors, checks formatting and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v jing >/dev/null || need+=(jing)
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || need+=(python3-feedparser)
/usr/bin/python3 -c 'import rdflib' 2>/dev/null || need+=(python3-rdflib)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
[ -e /usr/share/zoneinfo/Asia/Kolkata ] || need+=(tzdata)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

dotnet build VirtPlanet.sln -c Release -warnaserror
dotnet format VirtPlanet.sln --verify-no-changes --no-restore
results="$(mktemp -d)"
status=0
dotnet test VirtPlanet.sln -c Release --no-build --logger "console;verbosity=normal" --logger trx --results-directory "$results" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  # The console log names a failure where it happened, thousands of lines up: name each one again at the end.
  /usr/bin/python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        message = result.findtext(".//t:Message", "", ns).strip()
        print(f"FAILED {result.get('testName')}\n  " + "\n  ".join(message.splitlines()[:40]))
PY
fi
rm -rf "$results"
exit "$status"
