using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Tells cheaply whether anything was committed to the planet database since a version seen before. The reading side
/// memoizes its fingerprints on it, so a page view does not count rows (a cost that grows with the posts stored) while
/// nothing changed.
/// SQLite: <c>PRAGMA data_version</c> on connections of its own that never write; a connection's number changes
/// whenever another connection, in this process or another one, commits. The version is a counter raised whenever one
/// of them sees its number move. Each check takes a connection of its own from a pool, so that concurrent page views do
/// not queue: with one connection behind a lock, a thread descheduled while holding it stalled every view on the 2-core
/// benchmark machine (docs/performance.md, serving round 18). The pool grows to the number of checks that ever ran at
/// once, a few, and keeps them.
/// PostgreSQL: <c>pg_current_snapshot()</c> (xmin:xmax:in-progress ids). A transaction that wrote something has an id;
/// when it commits, that id leaves the in-progress list or raises xmax, so the text differs from every earlier one.
/// It also changes for writes elsewhere in the cluster (Hangfire's heartbeats): more changes than the planet's, never fewer.
/// </summary>
public sealed class DatabaseChanges : IDisposable
{
    private readonly Lock gate = new();
    private readonly PlanetPaths paths;
    private readonly ConcurrentBag<Reader> idle = [];
    private readonly ConcurrentQueue<Reader> all = [];
    private readonly Reader? first;
    private readonly NpgsqlDataSource? postgres;
    private readonly ILogger<DatabaseChanges> logger;
    private string? snapshot;
    private long version;

    public DatabaseChanges(PlanetPaths paths, IOptions<DatabaseOptions> database, ILogger<DatabaseChanges> logger)
    {
        this.paths = paths;
        this.logger = logger;
        if (database.Value.Provider == DatabaseProvider.PostgreSql)
        {
            // A pool of its own, kept small: one short query per page view, beside EF Core's and Hangfire's connections.
            postgres = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { MaxPoolSize = 8 });
            return;
        }

        // Only ever used under the gate, by Join: the pool's connections are others.
        first = Open();
        first.Check();
    }

    /// <summary>A number that differs from any earlier one once another connection has committed something.</summary>
    public async ValueTask<long> VersionAsync(CancellationToken cancellationToken)
    {
        if (postgres is null)
        {
            var reader = idle.TryTake(out var free) ? free : Join();
            try
            {
                if (reader.Check())
                {
                    Interlocked.Increment(ref version);
                }

                return Volatile.Read(ref version);
            }
            finally
            {
                idle.Add(reader);
            }
        }

        var current = await SnapshotAsync(postgres, cancellationToken);
        lock (gate)
        {
            // Answers may arrive out of order: an older text after a newer one only counts as one more change.
            if (current is null || current != snapshot)
            {
                snapshot = current;
                version++;
            }

            return version;
        }
    }

    public void Dispose()
    {
        foreach (var reader in all)
        {
            reader.Dispose();
        }

        postgres?.Dispose();
    }

    /// <summary>
    /// A new connection for the pool. Its number starts where the database is now, so the commits before that must
    /// already be counted: the first connection checks for them, after the new one took its start (a commit between
    /// the two is then counted twice, never missed).
    /// </summary>
    private Reader Join()
    {
        var reader = Open();
        reader.Check();
        lock (gate)
        {
            if (first!.Check())
            {
                Interlocked.Increment(ref version);
            }
        }

        return reader;
    }

    private Reader Open()
    {
        var reader = new Reader(paths.PlanetConnectionString);
        all.Enqueue(reader);
        return reader;
    }

    /// <summary>The snapshot as text, or null when PostgreSQL did not answer: then a change is reported, never a stale version.</summary>
    private async Task<string?> SnapshotAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT pg_current_snapshot()::text");
            return (string?)await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Could not read PostgreSQL's current snapshot; reporting a change");
            return null;
        }
    }

    /// <summary>A read-only connection and the number its last <c>PRAGMA data_version</c> gave.</summary>
    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly SqliteCommand query;
        private long last = -1;

        public Reader(string connectionString)
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
            query = connection.CreateCommand();
            query.CommandText = "PRAGMA data_version;";
        }

        /// <summary>Whether another connection committed since the last check; the first check says yes.</summary>
        public bool Check()
        {
            var seen = (long)query.ExecuteScalar()!;
            var moved = seen != last;
            last = seen;
            return moved;
        }

        public void Dispose()
        {
            query.Dispose();
            connection.Dispose();
        }
    }
}
