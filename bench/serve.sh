#!/usr/bin/env bash
# Serving benchmark: the planet (Release build) with POSTS posts from 1,000 feeds, and nginx serving the
# same pages saved as static files, side by side in one run: wrk -t2 -c64 -d10s --latency per URL.
#   bench/serve.sh [POSTS] [RUNS]         defaults: 100000 posts, 3 runs per URL (median reported)
# URLs: /, a feed page /feeds/{slug}, a person page /authors/{slug}, /atom.xml. The data folder is built
# once by bench/seed.sh and kept in $BENCH_WORK/serve-POSTS (delete it to rebuild). Loopback only; the
# app and nginx are stopped by PID on exit. Results: $BENCH_WORK/results/serve.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS="${1:-100000}"; RUNS="${2:-3}"; DUR="${DUR:-10s}"
APP_PORT="${APP_PORT:-18097}"; NGX_PORT="${NGX_PORT:-18098}"
. bench/lib.sh
DATA="$BENCH_WORK/serve-$POSTS"; S="$BENCH_WORK/serve-static-$NGX_PORT"; OUT="$BENCH_WORK/results/serve.tsv"
mkdir -p "$BENCH_WORK/results"
for tool in wrk nginx sqlite3 curl; do command -v "$tool" >/dev/null || { echo "apt-get install wrk nginx-light sqlite3 curl" >&2; exit 1; }; done

[ -n "${NO_BUILD:-}" ] || dotnet build -c Release src/VirtPlanet.Web/VirtPlanet.Web.csproj -v q -nologo | tail -2
[ -s "$DATA/planet.db" ] || bench/seed.sh "$POSTS" "$DATA"

# The planet: no default feeds, a poll cron that does not fire during the run, request logs below Warning.
ASPNETCORE_ENVIRONMENT=Production dotnet "$APP_DLL" \
  --urls "http://127.0.0.1:$APP_PORT" --Planet:DataDirectory="$DATA" --Planet:SeedDefaultFeeds=false \
  --Planet:Polling:Cron="0 0 1 1 *" --Planet:Polling:PollOnStart=false --Serilog:MinimumLevel:Default=Warning > "$BENCH_WORK/serve-app.log" 2>&1 &
APP=$!
NGX=""
trap 'kill -TERM "$APP" 2>/dev/null || true; [ -z "$NGX" ] || kill -TERM "$NGX" 2>/dev/null || true' EXIT
wait_healthy "$APP_PORT"

# The middle feed among those with posts (at 10,000 posts the seed keeps only the newest, so some feeds have none;
# at 100,000 and more every feed has posts, and this is the 501st feed, as before).
FEED=$(sqlite3 "$DATA/planet.db" "SELECT Slug FROM Feeds f WHERE EXISTS (SELECT 1 FROM Posts p WHERE p.FeedId = f.Id)
  ORDER BY Id LIMIT 1 OFFSET (SELECT count(DISTINCT FeedId) FROM Posts) / 2")
AUTHOR=$(curl -fsS "http://127.0.0.1:$APP_PORT/feeds/$FEED" | grep -o 'href="/authors/[^"?]*' | head -1 | sed 's|href="/authors/||')
PAGES=("/" "/feeds/$FEED" "/authors/$AUTHOR" "/atom.xml")
FILES=(index.html feed.html author.html atom.xml)

# The same pages, saved as static files, for nginx (as ../shared/bench/static-bench.sh serves them).
rm -rf "$S"; mkdir -p "$S/www" "$S/tmp"
for i in "${!PAGES[@]}"; do curl -fsS -o "$S/www/${FILES[$i]}" "http://127.0.0.1:$APP_PORT${PAGES[$i]}"; done
cat > "$S/nginx.conf" <<CONF
worker_processes auto;
pid $S/nginx.pid;
error_log $S/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $S/tmp/body; proxy_temp_path $S/tmp/proxy; fastcgi_temp_path $S/tmp/fastcgi;
  uwsgi_temp_path $S/tmp/uwsgi; scgi_temp_path $S/tmp/scgi;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_timeout 65s; keepalive_requests 1000000;
  open_file_cache max=100 inactive=60s; open_file_cache_valid 60s;
  types { text/html html; application/atom+xml xml; }
  server { listen 127.0.0.1:$NGX_PORT backlog=4096; root $S/www; }
}
CONF
nginx -p "$S" -e "$S/error.log" -c "$S/nginx.conf"
for _ in $(seq 50); do [ -s "$S/nginx.pid" ] && break; sleep 0.1; done
NGX=$(cat "$S/nginx.pid")

[ -s "$OUT" ] || printf 'date\tposts\tpage\tbytes\tplanet_req_s\tplanet_p50_ms\tplanet_p99_ms\tnginx_req_s\tnginx_p50_ms\tnginx_p99_ms\tratio\truns\n' > "$OUT"
printf '\n%s posts, wrk -t2 -c64 -d%s, %s runs (median)\n' "$POSTS" "$DUR" "$RUNS"
printf '%-28s %8s %10s %8s %8s %10s %8s %8s %7s\n' page bytes planet_rps p50_ms p99_ms nginx_rps p50_ms p99_ms ratio
for i in "${!PAGES[@]}"; do
  : > "$S/app.res"; : > "$S/ngx.res"
  for _ in $(seq "$RUNS"); do   # interleaved, so both see the same background load
    wrk_bench "http://127.0.0.1:$APP_PORT${PAGES[$i]}" >> "$S/app.res"
    wrk_bench "http://127.0.0.1:$NGX_PORT/${FILES[$i]}" >> "$S/ngx.res"
  done
  grep -qv ' 0$' "$S/app.res" && echo "WARNING: errors or non-2xx answers from the planet on ${PAGES[$i]}" >&2
  col() { awk -v c="$2" '{print $c}' "$1" | median; }
  a=$(col "$S/app.res" 1); n=$(col "$S/ngx.res" 1)
  row=("${PAGES[$i]}" "$(stat -c %s "$S/www/${FILES[$i]}")" "$a" "$(col "$S/app.res" 2)" "$(col "$S/app.res" 3)" \
       "$n" "$(col "$S/ngx.res" 2)" "$(col "$S/ngx.res" 3)" "$(awk -v a="$a" -v n="$n" 'BEGIN{printf "%.3f", a/n}')")
  printf '%-28s %8s %10s %8s %8s %10s %8s %8s %7s\n' "${row[@]}"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$POSTS" "${row[@]}" "$RUNS" >> "$OUT"
done
