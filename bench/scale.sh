#!/usr/bin/env bash
# Scale benchmark: poll time, first page views and database size at 10,000, 100,000 and 1,000,000 posts.
#   bench/scale.sh ["10000 100000 1000000"]
# For each size, a copy of bench/seed.sh's data folder ($BENCH_WORK/serve-POSTS, built once and kept):
#  1. poll: the 1,000-feed fixture on the port the seed polled, with 10 % of the feeds given one new post
#     (../shared/bench/fixture.sh mutate); `poll-once` of the copy under GNU time: 100 feeds fetched and parsed
#     (one new post each), 900 answer 304. It shows whether storing grows with the posts already stored.
#  2. database: planet.db's size after the poll.
#  3. pages: the planet started on the copy; `/`, a feed page and a person page fetched with curl twice each, the
#     first a render from the database (output cache empty), the second a cache hit; `/` again after a commit (the
#     newest post hidden with sqlite3: the miss after every poll that stores something); then wrk -t2 -c64 -d5s on `/`.
# The fixture is restored to its first generation at the end (fixture.sh start regenerates mutated feeds).
# Needs: nginx-light, sqlite3, wrk, curl, GNU time. Loopback only; everything started is stopped by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${1:-10000 100000 1000000}"
BENCH_WORK="${BENCH_WORK:-${TMPDIR:-/tmp}/virtplanet-bench}"; export BENCH_WORK
SEED_PORT=""; APP_PORT="${APP_PORT:-18099}"
FIXTURE=../shared/bench/fixture.sh
APP=src/VirtPlanet.Web/bin/Release/net10.0/VirtPlanet.Web.dll
OUT="$BENCH_WORK/results/scale.tsv"
mkdir -p "$BENCH_WORK/results"
for tool in wrk nginx sqlite3 curl /usr/bin/time; do command -v "$tool" >/dev/null || { echo "apt-get install wrk nginx-light sqlite3 curl time" >&2; exit 1; }; done
[ -n "${NO_BUILD:-}" ] || dotnet build -c Release src/VirtPlanet.Web/VirtPlanet.Web.csproj -v q -nologo | tail -2

APP_PID=""
cleanup() {
  [ -z "$APP_PID" ] || kill -TERM "$APP_PID" 2>/dev/null || true
  [ -z "$SEED_PORT" ] || "$FIXTURE" stop "$SEED_PORT" >/dev/null 2>&1 || true
}
trap cleanup EXIT
curl_ms() { curl -fsS -o /dev/null -w '%{time_total}' "http://127.0.0.1:$APP_PORT$1" | awk '{printf "%.1f", $1 * 1000}'; }

[ -s "$OUT" ] || printf 'date\tposts\tdb_mb\tpoll_s\tpoll_user_s\tpoll_rss_mib\tpoll_summary\tpage\tfirst_ms\tcached_ms\troot_req_s\troot_p99_ms\tload\n' > "$OUT"
printf '%-9s %7s %7s %8s %8s  %-52s %s\n' posts db_MB poll_s user_s rss_MiB "first/cached view ms: /, feed, person, / after a commit" "/ req/s, p99"
for POSTS in $SIZES; do
  SEEDED="$BENCH_WORK/serve-$POSTS"
  [ -s "$SEEDED/planet.db" ] || NO_BUILD=1 bench/seed.sh "$POSTS" "$SEEDED" >&2
  DATA="$BENCH_WORK/scale-$POSTS"
  rm -rf "$DATA"; cp -rL "$SEEDED" "$DATA"
  # The fixture answers on the port the seed polled (its ETags and URLs are stored): 18096 unless SEED_PORT said otherwise.
  SEED_PORT=$(sqlite3 "$DATA/planet.db" "SELECT Url FROM Feeds LIMIT 1" | sed -E 's|^http://127\.0\.0\.1:([0-9]+)/.*|\1|')

  "$FIXTURE" start 1000 "$SEED_PORT" >/dev/null
  "$FIXTURE" mutate "$SEED_PORT" 0.1 1 2>/dev/null
  load=$(uptime | sed 's/.*load average: //; s/,//g')
  poll=$( { /usr/bin/time -f 'TIME %e %U %M' dotnet "$APP" poll-once --Planet:DataDirectory="$DATA" --Planet:NewFeedItems=0 \
    --Planet:Fetch:AllowPrivateAddresses=true --Planet:Polling:MaxParallelism=16 --Serilog:MinimumLevel:Default=Warning; } 2>&1)
  "$FIXTURE" stop "$SEED_PORT" >/dev/null
  summary=$(grep 'feeds polled' <<<"$poll" | sed 's/; [0-9.]* s$//')
  read -r poll_s user_s rss_kb <<<"$(awk '/^TIME/{print $2, $3, $4}' <<<"$poll")"
  db_mb=$(du -m "$DATA/planet.db" | cut -f1)

  ASPNETCORE_ENVIRONMENT=Production dotnet "$APP" --urls "http://127.0.0.1:$APP_PORT" --Planet:DataDirectory="$DATA" \
    --Planet:SeedDefaultFeeds=false --Planet:Polling:Cron="0 0 1 1 *" --Planet:Polling:PollOnStart=false \
    --Serilog:MinimumLevel:Default=Warning > "$BENCH_WORK/scale-app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 120); do curl -fsS -o /dev/null "http://127.0.0.1:$APP_PORT/healthz" 2>/dev/null && break; sleep 0.5; done
  FEED=$(sqlite3 "$DATA/planet.db" "SELECT Slug FROM Feeds f WHERE EXISTS (SELECT 1 FROM Posts p WHERE p.FeedId = f.Id)
    ORDER BY Id LIMIT 1 OFFSET (SELECT count(DISTINCT FeedId) FROM Posts) / 2")
  views=()
  # The person page is the first author linked from the feed page, read from that page's own first view.
  for page in "/" "/feeds/$FEED" "AUTHOR"; do
    [ "$page" != AUTHOR ] || page=$(grep -o 'href="/authors/[^"?]*' "$BENCH_WORK/scale-feed.html" | head -1 | sed 's|href="||')
    first=$(curl -fsS -o "$BENCH_WORK/scale-feed.html" -w '%{time_total}' "http://127.0.0.1:$APP_PORT$page" | awk '{printf "%.1f", $1 * 1000}')
    [ "$page" = "/feeds/$FEED" ] || rm -f "$BENCH_WORK/scale-feed.html"
    cached=$(curl_ms "$page")
    views+=("$page $first $cached")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t\t%s\n' "$(date -u +%FT%TZ)" "$POSTS" "$db_mb" "$poll_s" "$user_s" "$((rss_kb / 1024))" \
      "$summary" "$page" "$first" "$cached" "$load" >> "$OUT"
  done
  # The miss readers meet after every poll that stored something: a commit (the newest post hidden), then `/`.
  sqlite3 "$DATA/planet.db" "UPDATE Posts SET IsHidden = 1 WHERE Id = (SELECT Id FROM Posts WHERE IsHidden = 0 ORDER BY PublishedAt DESC LIMIT 1)"
  after=$(curl_ms "/"); again=$(curl_ms "/")
  views+=("/after-commit $after $again")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t\t%s\n' "$(date -u +%FT%TZ)" "$POSTS" "$db_mb" "$poll_s" "$user_s" "$((rss_kb / 1024))" \
    "$summary" "/ after a commit" "$after" "$again" "$load" >> "$OUT"
  w=$(wrk -t2 -c64 -d5s --latency "http://127.0.0.1:$APP_PORT/")
  rps=$(awk '/^Requests\/sec/{print $2}' <<<"$w"); p99=$(awk '$1=="99%"{print $2}' <<<"$w")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$POSTS" "$db_mb" "$poll_s" "$user_s" "$((rss_kb / 1024))" \
    "$summary" "/ (wrk)" "$rps" "$p99" "$load" >> "$OUT"
  kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  printf '%-9s %7s %7s %8s %8s  %-52s %s\n' "$POSTS" "$db_mb" "$poll_s" "$user_s" "$((rss_kb / 1024))" \
    "$(for v in "${views[@]}"; do set -- $v; printf '%s/%s ' "$2" "$3"; done)" "$rps, $p99"
  echo "  ($summary; load before the poll: $load; pages: $(for v in "${views[@]}"; do set -- $v; printf '%s ' "$1"; done))"
  rm -rf "$DATA"
done
# Back to the first generation, as the other benchmarks expect it.
"$FIXTURE" start 1000 "$SEED_PORT" >/dev/null && "$FIXTURE" stop "$SEED_PORT" >/dev/null; SEED_PORT=""
