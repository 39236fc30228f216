#!/usr/bin/env bash
# Poll benchmark: newsboat and VirtPlanet's `poll-once` on the same local nginx fixture of N synthetic
# feeds, in one run (../shared/bench/peer-poll.sh), cold / second / warm; prints the ratios and
# appends them to ../shared/bench/results/peer-poll.tsv.
#   bench/poll.sh [N] [RUNS]        defaults: 1000 feeds, 3 runs per phase
# Needs: apt-get install nginx-light newsboat time (see ../shared/bench/README.md).
# Every entry is stored (Planet:NewFeedItems=0) for parity with newsboat.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
RUNS="${2:-3}"
PEER="${PEER_POLL:-../shared/bench/peer-poll.sh}"
# The publish the Docker image ships: self-contained, app and framework in one composite ReadyToRun image
# (precompiled code, so a start spends little time in the JIT). The publish takes about 2 minutes.
OUT="${BENCH_WORK:-${TMPDIR:-/tmp}/virtplanet-bench}/publish-composite"
exec "$PEER" -n "$N" -r "$RUNS" \
  -b "dotnet publish src/VirtPlanet.Web/VirtPlanet.Web.csproj -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o $OUT" -- \
  "$OUT/VirtPlanet.Web" poll-once --opml {opml} \
    --Planet:DataDirectory={state} --Planet:NewFeedItems=0 --Planet:Fetch:AllowPrivateAddresses=true \
    --Planet:Polling:MaxParallelism=16 --Serilog:MinimumLevel:Default=Warning
