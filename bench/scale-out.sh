#!/usr/bin/env bash
# Issue 7's scale-out benchmark, on throwaway PostgreSQL clusters (bench/lib.sh: loopback, fsync OFF).
#   bench/scale-out.sh poll [N] [INSTANCES]
#       N feeds (default 10000) of ../shared/bench/fixture.sh, imported into an empty PostgreSQL planet; for each
#       instance count in INSTANCES (default "1 2"), planet instances pinned one per core (taskset -c 0, -c 1) poll a
#       cold cycle (all 200, posts stored) and then a warm one (all 304). The last instance started triggers the
#       cycle (Planet:Polling:PollOnStart, the others start first without it); wall time from its launch until the
#       database shows every feed fetched (LastFetchedAt, polled every 0.5 s); cycle_s leaves the start-up out: from
#       the moment a worker took the cycle job (Hangfire's Processing state) to the same end. The fixture's access log must show
#       N fetches, each feed once; enqueue_s is how long the cycle job took to queue the feeds' jobs. If no feed
#       completes for $STALL seconds (default 60) the wait ends and feeds_done says how many were fetched. MaxParallelism per instance: $MAXPAR (default 8, i.e. 9 Hangfire workers).
#   bench/scale-out.sh river [POSTS] [RUNS]
#       the planet on SQLite (bench/seed.sh's data folder) and on PostgreSQL (copy-to-postgres of that folder, made
#       once and kept in $BENCH_WORK/pg-river-POSTS), served as bench/serve.sh serves it; wrk -t2 -c64 -d10s --latency
#       on /, a feed page, a person page and /atom.xml, the two interleaved, RUNS runs (default 3, median); then
#       the first views after a start and after a commit that changes the river (cache misses).
# Ports 18110-18119. Every process started here is stopped by its PID on exit. Results: $BENCH_WORK/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
FIXTURE=../shared/bench/fixture.sh
MAXPAR="${MAXPAR:-8}"
mkdir -p "$BENCH_WORK/results"
for tool in wrk nginx sqlite3 curl psql taskset; do command -v "$tool" >/dev/null || { echo "apt-get install wrk nginx-light sqlite3 curl postgresql util-linux" >&2; exit 1; }; done
PIDS=(); CLUSTERS=(); FIXTURE_PORT=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for dir in "${CLUSTERS[@]}"; do pg_stop "$dir"; done
  [ -z "$FIXTURE_PORT" ] || "$FIXTURE" stop "$FIXTURE_PORT" >/dev/null 2>&1 || true
}
trap cleanup EXIT
load() { echo "# $(date -u +%FT%TZ) load:$(uptime | sed 's/.*load average://')" >&2; }

# planet NAME PORT DATA-DIR COMMAND...: a planet in the background (PID appended to PIDS), logs in $BENCH_WORK/NAME.log
planet() {
  local name="$1" port="$2" data="$3"; shift 3
  ASPNETCORE_ENVIRONMENT=Production "$@" --urls "http://127.0.0.1:$port" --Planet:DataDirectory="$data" \
    --Planet:SeedDefaultFeeds=false --Planet:Polling:Cron="0 0 1 1 *" --Serilog:MinimumLevel:Default=Warning > "$BENCH_WORK/$name.log" 2>&1 &
  PIDS+=($!)
}
stop_planets() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
cpu_s() { awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$1/stat"; } # user + system seconds of a live process (USER_HZ 100)

poll_cycle() { # INSTANCES PHASE CONNECTION-STRING DB
  local count="$1" phase="$2" cs="$3" db="$4" offset t0 t1 done_ cpu="" i
  local args=(dotnet "$APP_DLL" --Planet:Database:Provider=PostgreSql --Planet:Database:ConnectionString="$cs"
    --Planet:NewFeedItems=0 --Planet:Fetch:AllowPrivateAddresses=true --Planet:Polling:MaxParallelism="$MAXPAR")
  for i in $(seq 2 "$count"); do   # the other instances first, up and idle
    planet "poll-$i" $((18111 + i)) "$BENCH_WORK/data-poll-$i" taskset -c $((i - 1)) "${args[@]}" --Planet:Polling:PollOnStart=false
    wait_healthy $((18111 + i))
  done
  offset=$(stat -c %s "$BENCH_WORK/fixture-run-18110/access.log")
  load
  t0=$(date +%s.%N)
  planet poll-1 18112 "$BENCH_WORK/data-poll-1" taskset -c 0 "${args[@]}" --Planet:Polling:PollOnStart=true
  local last=0 progress; progress=$(date +%s)
  while :; do
    done_=$(pg_sql 18111 "$db" "SELECT count(*) FROM \"Feeds\" WHERE \"LastFetchedAt\" >= to_timestamp($t0)")
    [ "${done_:-0}" -lt "$N" ] || break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "instance 1 exited, see $BENCH_WORK/poll-1.log" >&2; exit 1; }
    [ "${done_:-0}" = "$last" ] || { last=${done_:-0}; progress=$(date +%s); t1=$(date +%s.%N); }
    # A Hangfire job can stay fetched but never run (seen once: its invisibility kept sliding); do not wait for it forever.
    [ $(($(date +%s) - progress)) -lt "${STALL:-60}" ] || { echo "WARNING: stalled at $done_ of $N feeds" >&2; break; }
    sleep 0.5
  done
  [ "${done_:-0}" -lt "$N" ] || t1=$(date +%s.%N)
  for pid in "${PIDS[@]}"; do cpu+="${cpu:+/}$(cpu_s "$pid")"; done
  # When a worker took the cycle job (Hangfire's Processing state): the instances' start-up left out.
  # When a worker took the cycle job (Hangfire's Processing state): the instances' start-up left out; and when the
  # cycle job had queued every feed's job (Succeeded).
  local started queued
  started=$(pg_sql 18111 "$db" "SELECT extract(epoch FROM max(s.createdat)) FROM hangfire.state s
    JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%PollCycleJob%'" || true)
  queued=$(pg_sql 18111 "$db" "SELECT extract(epoch FROM max(s.createdat)) FROM hangfire.state s
    JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Succeeded' AND j.invocationdata::text LIKE '%PollCycleJob%'" || true)
  stop_planets
  local fetches; fetches=$(tail -c +"$((offset + 1))" "$BENCH_WORK/fixture-run-18110/access.log" | awk '$3 ~ /^\/feeds\//')
  local total distinct statuses
  total=$(grep -c . <<<"$fetches" || true)
  distinct=$(awk '{print $3}' <<<"$fetches" | sort -u | grep -c . || true)
  statuses=$(awk '{c[$1]++} END{for (k in c) printf "%s%s×%d", (n++ ? " " : ""), k, c[k]}' <<<"$fetches")
  local wall; wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')
  local cycle; cycle=$(awk -v a="${started:-0}" -v b="$t1" 'BEGIN{ if (a > 0) printf "%.1f", b-a; else print "n/a" }')
  local enqueue; enqueue=$(awk -v a="${started:-0}" -v b="${queued:-0}" 'BEGIN{ if (a > 0 && b > 0) printf "%.1f", b-a; else print "n/a" }')
  local row; row=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$(date -u +%FT%TZ)" "$N" "$count" "$MAXPAR" "$phase" "$wall" "$cycle" "$enqueue" "$done_" \
    "$(awk -v w="$wall" -v n="$done_" 'BEGIN{printf "%.0f", n/w}')" "$total/$distinct" "$statuses" "$cpu")
  echo "$row" | tee -a "$BENCH_WORK/results/scale-out-poll.tsv"
  [ "$total" = "$N" ] && [ "$distinct" = "$N" ] || echo "WARNING: expected $N fetches of $N distinct feeds" >&2
  return 0
}

poll() {
  N="${1:-10000}"; local counts="${2:-1 2}" count db cs
  FIXTURE_PORT=18110; "$FIXTURE" start "$N" 18110
  pg_init "$BENCH_WORK/pg-poll"; pg_start "$BENCH_WORK/pg-poll" 18111; CLUSTERS+=("$BENCH_WORK/pg-poll")
  [ -s "$BENCH_WORK/results/scale-out-poll.tsv" ] ||
    printf 'date\tfeeds\tinstances\tmax_parallelism\tphase\twall_s\tcycle_s\tenqueue_s\tfeeds_done\tfeeds_per_s\tfetches/distinct\thttp\tcpu_s_per_instance\n' > "$BENCH_WORK/results/scale-out-poll.tsv"
  for count in $counts; do
    db="planet_$count"; pg_sql 18111 postgres "CREATE DATABASE $db" >/dev/null; cs=$(pg_url 18111 "$db")
    dotnet "$APP_DLL" import-opml "http://127.0.0.1:18110/opml" --Planet:Database:Provider=PostgreSql --Planet:Database:ConnectionString="$cs" \
      --Planet:Fetch:AllowPrivateAddresses=true --Planet:DataDirectory="$BENCH_WORK/data-import" --Serilog:MinimumLevel:Default=Warning | tail -1
    rm -rf "$BENCH_WORK"/data-poll-*
    poll_cycle "$count" cold "$cs" "$db"
    poll_cycle "$count" warm "$cs" "$db"
  done
}

# first_view URL: seconds of one request, as curl measures it
first_view() { curl -fsS -o /dev/null -w '%{time_total}' "$1"; }

river() {
  local posts="${1:-1000000}" runs="${2:-3}" data pgd out
  data="$BENCH_WORK/serve-$posts"; pgd="$BENCH_WORK/pg-river-$posts"; out="$BENCH_WORK/results/scale-out-river.tsv"
  [ -s "$data/planet.db" ] || SEED_PORT=18114 bench/seed.sh "$posts" "$data"
  if [ ! -e "$pgd/copied" ]; then
    pg_init "$pgd"; pg_start "$pgd" 18115; CLUSTERS+=("$pgd")
    pg_sql 18115 postgres "CREATE DATABASE planet" >/dev/null
    load
    /usr/bin/time -f "copy-to-postgres: %e s wall, %U s user, %M KiB peak RSS" dotnet "$APP_DLL" copy-to-postgres "$(pg_url 18115 planet)" \
      --Planet:DataDirectory="$data" --Serilog:MinimumLevel:Default=Warning
    touch "$pgd/copied"
  else
    pg_start "$pgd" 18115; CLUSTERS+=("$pgd")
  fi
  local newest; newest=$(sqlite3 "$data/planet.db" "SELECT Id FROM Posts ORDER BY PublishedAt DESC, Id DESC LIMIT 1")
  local pg_newest; pg_newest=$(pg_sql 18115 planet "SELECT \"Id\" FROM \"Posts\" ORDER BY \"PublishedAt\" DESC, \"Id\" DESC LIMIT 1")
  sqlite3 "$data/planet.db" "UPDATE Posts SET IsHidden = 0 WHERE Id = $newest"   # a previous run's commit undone
  pg_sql 18115 planet "UPDATE \"Posts\" SET \"IsHidden\" = false WHERE \"Id\" = $pg_newest" >/dev/null

  planet river-sqlite 18116 "$data" dotnet "$APP_DLL" --Planet:Polling:PollOnStart=false
  planet river-pg 18117 "$BENCH_WORK/data-river-pg" dotnet "$APP_DLL" --Planet:Database:Provider=PostgreSql --Planet:Database:ConnectionString="$(pg_url 18115 planet)" \
    --Planet:Polling:PollOnStart=false
  wait_healthy 18116; wait_healthy 18117

  # Cache misses: the first views after the start (fingerprints, feed and people lists, render, JIT), a second view
  # (cache hit), and the first view after a commit that hides the newest post (fingerprints and render again).
  load
  local miss=() port
  for port in 18116 18117; do
    miss+=("$(first_view "http://127.0.0.1:$port/") $(first_view "http://127.0.0.1:$port/") $(first_view "http://127.0.0.1:$port/atom.xml") $(first_view "http://127.0.0.1:$port/atom.xml")")
  done
  sqlite3 "$data/planet.db" "UPDATE Posts SET IsHidden = 1 WHERE Id = $newest"
  pg_sql 18115 planet "UPDATE \"Posts\" SET \"IsHidden\" = true WHERE \"Id\" = $pg_newest" >/dev/null
  miss[0]+=" $(first_view http://127.0.0.1:18116/) $(first_view http://127.0.0.1:18116/atom.xml)"
  miss[1]+=" $(first_view http://127.0.0.1:18117/) $(first_view http://127.0.0.1:18117/atom.xml)"
  sqlite3 "$data/planet.db" "UPDATE Posts SET IsHidden = 0 WHERE Id = $newest"
  pg_sql 18115 planet "UPDATE \"Posts\" SET \"IsHidden\" = false WHERE \"Id\" = $pg_newest" >/dev/null
  printf '\nseconds per request (curl): / first, / again, /atom.xml first, /atom.xml again, / after a commit, /atom.xml after it\n'
  printf 'sqlite     %s\npostgresql %s\n' "${miss[0]}" "${miss[1]}"

  local feed author
  feed=$(sqlite3 "$data/planet.db" "SELECT Slug FROM Feeds f WHERE EXISTS (SELECT 1 FROM Posts p WHERE p.FeedId = f.Id)
    ORDER BY Id LIMIT 1 OFFSET (SELECT count(DISTINCT FeedId) FROM Posts) / 2")
  author=$(curl -fsS "http://127.0.0.1:18116/feeds/$feed" | grep -o 'href="/authors/[^"?]*' | head -1 | sed 's|href="/authors/||')
  local pages=("/" "/feeds/$feed" "/authors/$author" "/atom.xml") page s=$BENCH_WORK/river-res
  [ -s "$out" ] || printf 'date\tposts\tpage\tbytes_sqlite\tbytes_pg\tsqlite_req_s\tsqlite_p50_ms\tsqlite_p99_ms\tpg_req_s\tpg_p50_ms\tpg_p99_ms\tpg/sqlite\truns\n' > "$out"
  printf '\n%s posts, wrk -t2 -c64 -d%s, %s runs (median)\n' "$posts" "${DUR:-10s}" "$runs"
  printf '%-28s %8s %8s %10s %8s %8s %10s %8s %8s %7s\n' page bytes_sq bytes_pg sqlite_rps p50_ms p99_ms pg_rps p50_ms p99_ms pg/sq
  for page in "${pages[@]}"; do
    : > "$s.sqlite"; : > "$s.pg"
    for _ in $(seq "$runs"); do   # interleaved, so both see the same background load
      load
      wrk_bench "http://127.0.0.1:18116$page" >> "$s.sqlite"
      wrk_bench "http://127.0.0.1:18117$page" >> "$s.pg"
    done
    grep -qv ' 0$' "$s.sqlite" "$s.pg" && echo "WARNING: errors or non-2xx answers on $page" >&2
    col() { awk -v c="$2" '{print $c}' "$1" | median; }
    local a n row
    a=$(col "$s.sqlite" 1); n=$(col "$s.pg" 1)
    row=("$page" "$(curl -fsS "http://127.0.0.1:18116$page" | wc -c)" "$(curl -fsS "http://127.0.0.1:18117$page" | wc -c)"
      "$a" "$(col "$s.sqlite" 2)" "$(col "$s.sqlite" 3)" "$n" "$(col "$s.pg" 2)" "$(col "$s.pg" 3)" "$(awk -v a="$a" -v n="$n" 'BEGIN{printf "%.3f", n/a}')")
    printf '%-28s %8s %8s %10s %8s %8s %10s %8s %8s %7s\n' "${row[@]}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$posts" "${row[@]}" "$runs" >> "$out"
  done
}

case "${1:-}" in
  poll) shift; poll "$@" ;;
  river) shift; river "$@" ;;
  *) echo "usage: bench/scale-out.sh poll [FEEDS] [INSTANCES] | river [POSTS] [RUNS]" >&2; exit 2 ;;
esac
