using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Data;

public static class DatabaseSetup
{
    // Any constant shared by every instance of the planet: pg_advisory_lock's key.
    private const long MigrationLockKey = 0x5669727450_6C616E;

    /// <summary>Applies migrations, switches SQLite to WAL (readers never wait for the poller), seeds the default feeds.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool seed = true, CancellationToken cancellationToken = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PlanetDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.MigrateAsync(cancellationToken);
        await db.OptimizeAsync(cancellationToken);
        // Asked only when it matters: a command-line run (poll-once from cron) does without this query.
        if (seed)
        {
            var isEmpty = !await db.Feeds.AnyAsync(cancellationToken);
            await services.GetRequiredService<DefaultFeeds>().SeedIfEmptyAsync(isEmpty, cancellationToken);
        }
    }

    /// <summary>
    /// Gives SQLite's query planner statistics (sqlite_stat1) for tables that have none or have grown a lot since,
    /// as SQLite advises for long-lived databases (<c>PRAGMA optimize</c>, all tables checked), sampling a few hundred
    /// rows per index so it costs milliseconds at any size. Without them, the people list at 1,000,000 posts read
    /// every post's row through the author index (2.3-3.5 s on each first view after a poll) instead of skipping from
    /// one author to the next (90 ms). PostgreSQL's autovacuum keeps its own statistics.
    /// </summary>
    public static async Task OptimizeAsync(this PlanetDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=400; PRAGMA optimize=0x10002;", cancellationToken);
        }
    }

    /// <summary>
    /// Migrates safely when several instances start at once. EF Core 10 with Npgsql locks the history table while
    /// migrating, but two instances can still race to create that table on an empty database: a session-level
    /// advisory lock serialises the whole step.
    /// </summary>
    public static async Task MigrateAsync(this PlanetDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Asking is one read of the history table; MigrateAsync takes a lock (a write) and compares the model with the
        // snapshot, ≈ 135 ms of every CLI run (poll-once from cron) for nothing once the schema is current.
        if (await HasEveryMigrationAsync(db, cancellationToken))
        {
            return;
        }

        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            // Npgsql reads the history table without asking whether it exists and takes "relation does not exist" for
            // "nothing applied yet", but EF Core first logs that failed command as an error (npgsql/efcore.pg#3407):
            // every new planet's first start would log one. With the table in place the read simply finds no rows.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Whether the history table lists every migration of this build, read with one plain query: EF Core's own
    /// question (GetAppliedMigrationsAsync) first builds a model of the history table, ≈ 38 ms of every start. Any
    /// doubt (no history table yet, a migration missing, an error) answers false, and MigrateAsync applies what is missing.
    /// </summary>
    public static async Task<bool> HasEveryMigrationAsync(this PlanetDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        // Opened directly, not through EF Core's retrying strategy: a database that cannot be reached fails with the
        // provider's own exception, which start-up reports in one line (StartupFailure).
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {sql.DelimitIdentifier(nameof(HistoryRow.MigrationId))} FROM {sql.DelimitIdentifier(HistoryRepository.DefaultTableName)}";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            return db.Database.GetMigrations().All(applied.Contains);
        }
        catch (DbException)
        {
            return false;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
