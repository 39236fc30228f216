# Helpers shared by the bench/ scripts. Source it after `cd` to the repository root.
export BENCH_WORK="${BENCH_WORK:-${TMPDIR:-/tmp}/virtplanet-bench}"   # fixture.sh and seed.sh use it too
APP_DLL=src/VirtPlanet.Web/bin/Release/net10.0/VirtPlanet.Web.dll

# The poll benchmarks (bench/poll.sh, bench/planet-ratio.sh) time the publish the Docker image ships: self-contained,
# app and framework in one composite ReadyToRun image (precompiled code, so a start spends little time in the JIT),
# about 2 minutes to build. Every entry is stored (Planet:NewFeedItems=0), for parity with newsboat.
POLL_PUBLISH_DIR="$BENCH_WORK/publish-composite"
POLL_PUBLISH="dotnet publish src/VirtPlanet.Web/VirtPlanet.Web.csproj -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o $POLL_PUBLISH_DIR"
POLL_ONCE_OPTIONS=(--Planet:NewFeedItems=0 --Planet:Fetch:AllowPrivateAddresses=true --Planet:Polling:MaxParallelism=16 --Serilog:MinimumLevel:Default=Warning)

to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v}'; }
median() { sort -g | awk '{a[NR]=$1} END{ if(NR%2) print a[(NR+1)/2]; else printf "%.6g\n", (a[NR/2]+a[NR/2+1])/2 }'; }

# wrk_bench URL -> "req/s p50_ms p99_ms errors" (wrk -t2 -c64 -d$DUR --latency)
wrk_bench() {
  local w; w=$(wrk -t2 -c64 -d"${DUR:-10s}" --latency "$1")
  echo "$(awk '/^Requests\/sec/{print $2}' <<<"$w") $(awk '$1=="50%"{print $2}' <<<"$w" | to_ms) $(awk '$1=="99%"{print $2}' <<<"$w" | to_ms) $(grep -cE 'Non-2xx|Socket errors' <<<"$w" || true)"
}

# wait_healthy PORT: until /healthz answers (60 s at most)
wait_healthy() {
  for _ in $(seq 120); do curl -fsS -o /dev/null "http://127.0.0.1:$1/healthz" 2>/dev/null && return 0; sleep 0.5; done
  echo "the planet on port $1 did not come up" >&2; return 1
}

# A throwaway PostgreSQL cluster (Debian's postgresql, as tests/.../PostgresCluster.cs starts it): trust
# authentication, loopback only, and fsync, synchronous_commit and full_page_writes OFF, i.e. no durability:
# a benchmark setting, not a production one. As root the server runs as the postgres user.
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_init() { # DIR: a new, empty cluster
  rm -rf "$1"; mkdir -p "$1"; [ "$(id -u)" != 0 ] || chown postgres:postgres "$1"
  as_postgres "$PG_BIN/initdb" -D "$1/data" -A trust -U postgres --no-sync -E UTF8 >/dev/null
}
pg_start() { # DIR PORT
  as_postgres "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w start -o \
    "-p $2 -k $1 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=512MB" >/dev/null
}
pg_stop() { as_postgres "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true; }
pg_url() { echo "Host=127.0.0.1;Port=$1;Database=$2;Username=postgres;Maximum Pool Size=100"; }
pg_sql() { psql -h 127.0.0.1 -p "$1" -U postgres -d "$2" -v ON_ERROR_STOP=1 -tAc "$3"; } # PORT DB SQL
