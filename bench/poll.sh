#!/usr/bin/env bash
# Poll benchmark: newsboat and VirtPlanet's `poll-once` on the same local nginx fixture of N synthetic
# feeds, in one run (../shared/bench/peer-poll.sh), cold / second / warm; prints the ratios and
# appends them to ../shared/bench/results/peer-poll.tsv.
#   bench/poll.sh [N] [RUNS]        defaults: 1000 feeds, 3 runs per phase
# Needs: apt-get install nginx-light newsboat time (see ../shared/bench/README.md).
# Every entry is stored (Planet:NewFeedItems=0) for parity with newsboat.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
N="${1:-1000}"
RUNS="${2:-3}"
PEER="${PEER_POLL:-../shared/bench/peer-poll.sh}"
exec "$PEER" -n "$N" -r "$RUNS" -b "$POLL_PUBLISH" -- \
  "$POLL_PUBLISH_DIR/VirtPlanet.Web" poll-once --opml {opml} --Planet:DataDirectory={state} "${POLL_ONCE_OPTIONS[@]}"
