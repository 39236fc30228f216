using Microsoft.EntityFrameworkCore;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Data;

public static class DatabaseSetup
{
    /// <summary>Applies migrations, switches SQLite to WAL (readers never wait for the poller), seeds the default feeds.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool seed = true, CancellationToken cancellationToken = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PlanetDbContext>>();
        bool isEmpty;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            isEmpty = !await db.Feeds.AnyAsync(cancellationToken);
        }

        if (seed)
        {
            await services.GetRequiredService<DefaultFeeds>().SeedIfEmptyAsync(isEmpty, cancellationToken);
        }
    }
}
