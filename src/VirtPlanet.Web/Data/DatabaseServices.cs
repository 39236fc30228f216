using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Data;

/// <summary>The store, chosen by <see cref="DatabaseOptions.Provider"/>: EF Core's provider and Hangfire's storage move together.</summary>
public static class DatabaseServices
{
    public const string HangfireSchema = "hangfire";

    public static IServiceCollection AddPlanetDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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
        });
        return services;
    }

    /// <summary>Hangfire's jobs beside the planet's data: hangfire.db, or the schema "hangfire" of the same PostgreSQL database.</summary>
    public static IGlobalConfiguration UsePlanetStorage(this IGlobalConfiguration hangfire, IServiceProvider services)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            return hangfire.UseSQLiteStorage(
                services.GetRequiredService<PlanetPaths>().HangfireDatabase,
                // The admin's "poll now" should start within seconds, not the storage's default 15.
                new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(2) });
        }

        return hangfire.UsePostgreSqlStorage(
            connection => connection.UseNpgsqlConnection(database.ConnectionString),
            new PostgreSqlStorageOptions
            {
                SchemaName = HangfireSchema,
                PrepareSchemaIfNecessary = true,
                // Workers wake on NOTIFY instead of polling the queue table every 15 s.
                EnableLongPolling = true,
                QueuePollInterval = TimeSpan.FromSeconds(5),
                // A crashed instance's fetched jobs become visible to the others after this; live ones keep sliding it.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = database.JobInvisibilityTimeout,
            });
    }
}
