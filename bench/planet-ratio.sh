#!/usr/bin/env bash
# A cold poll against Planet 2.0's figure, with the machine's speed of the minute taken out.
#   bench/planet-ratio.sh [PAIRS]        default 6 pairs; about 40 s per pair
# Planet 2.0 (Python, feedparser) cannot be rerun here: its 41.5 s cold poll of the 1,000-feed fixture is a figure
# of 2026-11-25, when feedparser parsed the fixture's files in 20.12 s (../shared/bench/results/). This machine's
# speed changes by more than a third from hour to hour, so the script times feedparser's parse of the same files
# (../shared/bench/feedparser-bench.py, one pass) and our cold `poll-once`, alternately: fp, ours, fp, ours, ..., fp.
# Each cold poll is compared with Planet 2.0's figure scaled by the two feedparser passes around it:
#   estimate = 41.5 s * mean(fp before, fp after) / 20.12 s;   ratio = ours / estimate   (issue 6: at most 0.1)
# Our poll is the composite publish and the options bench/poll.sh times too (bench/lib.sh; PUBLISH=0 reuses the last one).
# Needs: apt-get install nginx-light python3-feedparser time.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SHARED=../shared/bench
PAIRS="${1:-6}"
PORT="${PORT:-18099}"
RESULTS="${RESULTS_DIR:-$BENCH_WORK/results}"
mkdir -p "$RESULTS"

# The reference figures, read from the shared results rather than copied here.
PLANET_S=$(awk -F'\t' '$2==1000 && $3=="cold" {print $4}' "$SHARED/results/seed-planet.tsv")
FP_REF_S=$(awk -F'\t' '$1==1000 {print $3}' "$SHARED/results/feedparser.tsv")
[ -n "$PLANET_S" ] && [ -n "$FP_REF_S" ] || { echo "reference figures missing in $SHARED/results" >&2; exit 1; }

if [ "${PUBLISH:-1}" != 0 ] || [ ! -x "$POLL_PUBLISH_DIR/VirtPlanet.Web" ]; then
  $POLL_PUBLISH >/dev/null
fi

"$SHARED/fixture.sh" start 1000 "$PORT" >/dev/null
trap '"$SHARED/fixture.sh" stop "$PORT" >/dev/null 2>&1 || true' EXIT
FEEDS="$BENCH_WORK/fixture/feeds"
STATE="$BENCH_WORK/planet-ratio-state"

feedparser_pass() {
  /usr/bin/python3 "$SHARED/feedparser-bench.py" --dir "$FEEDS" --n 1000 --repeats 1 | awk -F'\t' 'NR==2 {print $3}'
}

cold_poll() { # -> "wall_s peak_rss_kib"
  rm -rf "$STATE"; mkdir -p "$STATE"
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -o "$STATE.time" -f '%M' "$POLL_PUBLISH_DIR/VirtPlanet.Web" poll-once --opml "http://127.0.0.1:$PORT/opml" \
    --Planet:DataDirectory="$STATE" "${POLL_ONCE_OPTIONS[@]}" >/dev/null
  t1=$(date +%s.%N)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}') $(tail -n1 "$STATE.time")"
}

STAMP=$(date -u +%Y-%m-%dT%H:%M:%SZ)
TSV="$RESULTS/planet-ratio.tsv"
[ -s "$TSV" ] || printf 'started\tpair\tfeedparser_before_s\tfeedparser_after_s\tours_s\tours_rss_kib\tplanet_estimate_s\tratio\n' >"$TSV"
printf 'pair\tfeedparser s (before, after)\tours s\tpeak MiB\tPlanet 2.0 estimate s\tours / estimate\n'
before=$(feedparser_pass)
ratios=()
for pair in $(seq "$PAIRS"); do
  read -r ours rss < <(cold_poll)
  after=$(feedparser_pass)
  read -r estimate ratio < <(awk -v p="$PLANET_S" -v r="$FP_REF_S" -v b="$before" -v a="$after" -v o="$ours" \
    'BEGIN {e = p * (a + b) / 2 / r; printf "%.2f %.4f\n", e, o / e}')
  printf '%s\t%s, %s\t%s\t%d\t%s\t%s\n' "$pair" "$before" "$after" "$ours" $((rss / 1024)) "$estimate" "$ratio"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$STAMP" "$pair" "$before" "$after" "$ours" "$rss" "$estimate" "$ratio" >>"$TSV"
  ratios+=("$ratio")
  before=$after
done
rm -rf "$STATE" "$STATE.time"
printf '%s\n' "${ratios[@]}" | sort -g | awk '{r[NR] = $1; if ($1 <= 0.1) under++}
  END {m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2;
       printf "median ours / Planet 2.0 estimate: %.4f (%d of %d pairs at most 0.1; lowest %.4f, highest %.4f)\n", m, under, NR, r[1], r[NR]}'
echo "appended to $TSV"
