using Microsoft.EntityFrameworkCore;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Data;

/// <summary>
/// The start-up's quick answer to "is the schema current?" (<see cref="DatabaseSetup.HasEveryMigrationAsync"/>): yes
/// only when the history lists every migration of this build, so a database that needs one still gets it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrationCheckTests(PostgresCluster postgres) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("virtplanet-migrations-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ANewSqliteDatabaseIsNotCurrentAndIsCurrentOnceMigrated()
    {
        await using var db = Sqlite();

        Assert.False(await db.HasEveryMigrationAsync(CancellationToken.None));
        await db.MigrateAsync(CancellationToken.None);
        Assert.True(await db.HasEveryMigrationAsync(CancellationToken.None));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task ASqliteHistoryWithoutThisBuildsNewestMigrationIsNotCurrent()
    {
        await using var db = Sqlite();
        await db.MigrateAsync(CancellationToken.None);

        var newest = db.Database.GetMigrations().Last();
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {newest}""");

        Assert.False(await db.HasEveryMigrationAsync(CancellationToken.None));
        Assert.Equal([newest], await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task ANewPostgresDatabaseIsNotCurrentAndIsCurrentOnceMigrated()
    {
        await using var db = new PostgresPlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseNpgsql(await postgres.CreateDatabaseAsync()).Options);

        Assert.False(await db.HasEveryMigrationAsync(CancellationToken.None));
        await db.MigrateAsync(CancellationToken.None);
        Assert.True(await db.HasEveryMigrationAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MigratingANewPostgresDatabaseLogsNoError()
    {
        var errors = new List<string>();
        await using var db = new PostgresPlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>()
            .UseNpgsql(await postgres.CreateDatabaseAsync())
            .LogTo(errors.Add, Microsoft.Extensions.Logging.LogLevel.Error)
            .Options);

        await db.MigrateAsync(CancellationToken.None);

        Assert.True(await db.HasEveryMigrationAsync(CancellationToken.None));
        Assert.Empty(errors);
    }

    private PlanetDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<PlanetDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "planet.db")}").Options);
}
