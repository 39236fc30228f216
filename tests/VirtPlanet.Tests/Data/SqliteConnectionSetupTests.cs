using Microsoft.EntityFrameworkCore;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Data;

/// <summary>Every connection the planet opens to its SQLite file gets the planet's settings (SqliteConnectionSetup).</summary>
public sealed class SqliteConnectionSetupTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Theory]
    [InlineData("temp_store", 2L)] // MEMORY: statement journals are not written to /var/tmp, one file per commit
    [InlineData("synchronous", 1L)] // NORMAL: no fsync per commit in WAL mode
    [InlineData("foreign_keys", 1L)]
    [InlineData("busy_timeout", 30000L)]
    public async Task EveryConnectionHasThePlanetsSetting(string pragma, long expected)
    {
        await using var db = await planet.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";

        Assert.Equal(expected, await command.ExecuteScalarAsync());
    }
}
