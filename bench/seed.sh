#!/usr/bin/env bash
# Builds a planet data folder holding POSTS posts from 1,000 feeds, for the serving and scale benchmarks.
#   bench/seed.sh POSTS DATA_DIR        e.g. bench/seed.sh 100000 /tmp/virtplanet-bench/serve-100000
# 1. poll-once stores the shared fixture's 1,000 feeds x 20 entries (real parse + sanitize + store, and the
#    app's own migrations create the schema);
# 2. sqlite3 copies those 20,000 posts inside one transaction, each copy with its own entry key and link and
#    an older date (a week per copy), until POSTS rows exist: realistic, already sanitized HTML (~1-3 KB).
# Expects a Release build (bench/serve.sh and bench/poll.sh make one). Needs sqlite3, nginx-light.
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS="${1:?posts}"; DATA="${2:?data dir}"; PORT="${SEED_PORT:-18096}"
APP=src/VirtPlanet.Web/bin/Release/net10.0/VirtPlanet.Web.dll
FIXTURE=../shared/bench/fixture.sh
rm -rf "$DATA"; mkdir -p "$DATA"
"$FIXTURE" start 1000 "$PORT" >/dev/null
trap '"$FIXTURE" stop "$PORT" >/dev/null' EXIT
dotnet "$APP" poll-once --opml "http://127.0.0.1:$PORT/opml" --Planet:DataDirectory="$DATA" \
  --Planet:NewFeedItems=0 --Planet:Fetch:AllowPrivateAddresses=true --Serilog:MinimumLevel:Default=Warning | tail -1
COPIES=$(( (POSTS + 19999) / 20000 - 1 ))
sqlite3 "$DATA/planet.db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE copy(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM copy WHERE i < $COPIES)
INSERT INTO Posts (FeedId, EntryKey, Title, Link, Author, ContentHtml, SummaryHtml, PublishedAt, UpdatedAt, FirstSeenAt, IsHidden, ContentHash)
SELECT p.FeedId, p.EntryKey || '#copy' || copy.i, p.Title, p.Link || '#copy' || copy.i, p.Author, p.ContentHtml, p.SummaryHtml,
       strftime('%Y-%m-%d %H:%M:%S', p.PublishedAt, '-' || (copy.i * 7) || ' days'), p.UpdatedAt,
       strftime('%Y-%m-%d %H:%M:%S', p.FirstSeenAt, '-' || (copy.i * 7) || ' days'), 0, p.ContentHash
FROM Posts p CROSS JOIN copy WHERE $COPIES > 0;
DELETE FROM Posts WHERE Id IN (SELECT Id FROM Posts ORDER BY PublishedAt LIMIT max(0, (SELECT count(*) FROM Posts) - $POSTS));
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
echo "seeded $(sqlite3 "$DATA/planet.db" 'SELECT count(*) FROM Posts') posts, $(sqlite3 "$DATA/planet.db" 'SELECT count(*) FROM Feeds') feeds, $(du -m "$DATA/planet.db" | cut -f1) MB in $DATA"
