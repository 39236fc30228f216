using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Tells in microseconds whether anything was committed to the planet database since a version seen before:
/// SQLite's <c>PRAGMA data_version</c> on a connection of its own that never writes changes whenever another
/// connection, in this process or another one, commits. The reading side memoizes its fingerprints on it, so a
/// page view does not count rows (a cost that grows with the posts stored) while nothing changed.
/// PostgreSQL has no such counter: there every call reports a change, so nothing is memoized.
/// </summary>
public sealed class DatabaseChanges : IDisposable
{
    private readonly Lock gate = new();
    private readonly SqliteConnection? connection;
    private readonly SqliteCommand? query;
    private long calls;

    public DatabaseChanges(PlanetPaths paths, IOptions<DatabaseOptions> database)
    {
        if (database.Value.Provider == DatabaseProvider.PostgreSql)
        {
            return;
        }

        connection = new SqliteConnection(paths.PlanetConnectionString);
        connection.Open();
        query = connection.CreateCommand();
        query.CommandText = "PRAGMA data_version;";
    }

    /// <summary>A number that differs from any earlier one once another connection has committed something.</summary>
    public long Version()
    {
        if (query is null)
        {
            return Interlocked.Increment(ref calls);
        }

        lock (gate)
        {
            return (long)query.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        query?.Dispose();
        connection?.Dispose();
    }
}
