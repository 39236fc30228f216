using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Data;

/// <summary>The store, chosen by <see cref="DatabaseOptions.Provider"/>: EF Core's provider and Hangfire's storage move together.</summary>
public static class DatabaseServices
{
    public const string HangfireSchema = "hangfire";

    public static IServiceCollection AddPlanetDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<WriteQueue>();
        services.AddDbContextFactory<PlanetDbContext, PlanetDbContextFactory>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                options.UseNpgsql(database.ConnectionString);
            }
            else
            {
                options.UseSqlite(sp.GetRequiredService<PlanetPaths>().PlanetConnectionString).AddInterceptors(new SqliteConnectionSetup());
            }

            // Before applying migrations, EF Core builds the design-time model and compares it with the migrations'
            // snapshot, only to warn of a forgotten migration: ≈ 0.1-0.15 s of every start on a new database (a
            // cold poll-once). A test asks the same question of both providers' migrations instead (ModelTests).
            options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return services;
    }

    /// <summary>
    /// Hangfire's storage and job activator as this host's own singletons. Hangfire.AspNetCore would otherwise hand
    /// out the process-wide JobStorage.Current and JobActivator.Current, which several hosts in one process (the
    /// tests) overwrite: a job enqueued by one host could then run against another host's services.
    /// </summary>
    public static IServiceCollection AddPlanetJobStorage(this IServiceCollection services)
    {
        services.AddSingleton(CreateJobStorage);
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    /// <summary>Hangfire's jobs beside the planet's data: hangfire.db, or the schema "hangfire" of the same PostgreSQL database.</summary>
    private static JobStorage CreateJobStorage(IServiceProvider services)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            return new SQLiteStorage(
                services.GetRequiredService<PlanetPaths>().HangfireDatabase,
                // The admin's "poll now" should start within seconds, not the storage's default 15.
                new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(2) });
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            // Workers poll the queue table every second (an UPDATE that matches nothing while it is empty). Not
            // EnableLongPolling: in 10,000-feed cycles (bench/scale-out.sh) its workers sometimes fetched a job and
            // never ran it, and once all nine of an instance's workers sat in Dequeue waiting for a NOTIFY while
            // 1,716 jobs stayed queued (Hangfire.PostgreSql 1.21.1, docs/performance.md).
            QueuePollInterval = TimeSpan.FromSeconds(1),
            // A fetched job becomes visible to every worker again after this: a crashed instance's, and one a live
            // worker fetched and never ran. Not sliding, so that nothing keeps a fetched job hidden for good: an earlier
            // sliding setup once kept a job in state Enqueued with its fetchedat moving (SharedPollingTests, about 1 run
            // in 6), most likely a worker waiting on the job's state lock a killed instance left behind (below). A
            // feed's job ends within its fetch deadline, far below the timeout, and the feed lease keeps a job run twice
            // from fetching twice.
            UseSlidingInvisibilityTimeout = false,
            InvisibilityTimeout = database.JobInvisibilityTimeout,
            // A lock is a row in hangfire.lock, and an instance killed while it changed a job's state leaves that job's
            // lock behind: every worker that fetches the job waits on it until the row is this old, and a new worker
            // fetches it each invisibility timeout (with the storage's default of 10 minutes, SharedPollingTests saw a
            // cycle's last jobs wait past its 2-minute deadline). Hangfire holds a job's lock for milliseconds (a state
            // change); the longest hold is the expiration manager's, which each hour deletes the jobs that expired in
            // batches of 1,000 a second apart (a few seconds at 1,000 feeds polled every 30 minutes), and a second
            // cleaner that took its lock over would only repeat deletes. So the fetched jobs' bound serves here too.
            DistributedLockTimeout = database.JobInvisibilityTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }
}
