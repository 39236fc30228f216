using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Tells cheaply whether anything was committed to the planet database since a version seen before. The reading side
/// memoizes its fingerprints on it, so a page view does not count rows (a cost that grows with the posts stored) while
/// nothing changed.
/// SQLite: <c>PRAGMA data_version</c> on a connection of its own that never writes; it changes whenever another
/// connection, in this process or another one, commits.
/// PostgreSQL: <c>pg_current_snapshot()</c> (xmin:xmax:in-progress ids). A transaction that wrote something has an id;
/// when it commits, that id leaves the in-progress list or raises xmax, so the text differs from every earlier one.
/// It also changes for writes elsewhere in the cluster (Hangfire's heartbeats): more changes than the planet's, never fewer.
/// </summary>
public sealed class DatabaseChanges : IDisposable
{
    private readonly Lock gate = new();
    private readonly SqliteConnection? connection;
    private readonly SqliteCommand? query;
    private readonly NpgsqlDataSource? postgres;
    private readonly ILogger<DatabaseChanges> logger;
    private string? snapshot;
    private long version;

    public DatabaseChanges(PlanetPaths paths, IOptions<DatabaseOptions> database, ILogger<DatabaseChanges> logger)
    {
        this.logger = logger;
        if (database.Value.Provider == DatabaseProvider.PostgreSql)
        {
            // A pool of its own, kept small: one short query per page view, beside EF Core's and Hangfire's connections.
            postgres = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { MaxPoolSize = 8 });
            return;
        }

        connection = new SqliteConnection(paths.PlanetConnectionString);
        connection.Open();
        query = connection.CreateCommand();
        query.CommandText = "PRAGMA data_version;";
    }

    /// <summary>A number that differs from any earlier one once another connection has committed something.</summary>
    public async ValueTask<long> VersionAsync(CancellationToken cancellationToken)
    {
        if (postgres is null)
        {
            lock (gate)
            {
                return (long)query!.ExecuteScalar()!;
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
        query?.Dispose();
        connection?.Dispose();
        postgres?.Dispose();
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
}
