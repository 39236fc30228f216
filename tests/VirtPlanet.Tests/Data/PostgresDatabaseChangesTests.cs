using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Data;

/// <summary>
/// <see cref="DatabaseChanges"/> on PostgreSQL: the same version while nothing commits, a new one after a commit from
/// any connection (and so a new river ETag and Atom output at once), and "changed" rather than an error when the
/// server does not answer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseChangesTests(PostgresCluster postgres)
{
    [Fact]
    public async Task VersionStaysTheSameWhileNothingIsWritten()
    {
        using var changes = Changes(await postgres.CreateDatabaseAsync());

        var first = await changes.VersionAsync(CancellationToken.None);
        var second = await changes.VersionAsync(CancellationToken.None);
        var third = await changes.VersionAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(second, third);
    }

    [Fact]
    public async Task ACommitFromAnotherConnectionChangesTheVersionTheRiverETagAndTheAtomOutputAtOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var planet = new PlanetFactory(new()
        {
            ["Planet:Database:Provider"] = "PostgreSql",
            ["Planet:Database:ConnectionString"] = connectionString,
        });
        var feed = await SeedPosts.SubscribeQemuAsync(planet.Services);
        var changes = planet.Services.GetRequiredService<DatabaseChanges>();
        var client = planet.CreateClient();
        var etagBefore = (await client.GetAsync("/")).Headers.ETag;
        var atomBefore = await client.GetStringAsync("/atom.xml");
        var versionBefore = await changes.VersionAsync(CancellationToken.None);
        Assert.Equal(etagBefore, (await client.GetAsync("/")).Headers.ETag);

        await using (var db = new PostgresPlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Posts.Add(SeedPosts.Post(feed, "qemu-2-11", "QEMU version 2.11.0 released", new DateTime(2017, 12, 13, 12, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        Assert.NotEqual(versionBefore, await changes.VersionAsync(CancellationToken.None));
        Assert.NotEqual(etagBefore, (await client.GetAsync("/")).Headers.ETag);
        Assert.DoesNotContain("QEMU version 2.11.0 released", atomBefore);
        Assert.Contains("QEMU version 2.11.0 released", await client.GetStringAsync("/atom.xml"));
    }

    [Fact]
    public async Task AServerThatDoesNotAnswerReportsAChangeOnEveryCall()
    {
        using var changes = Changes($"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=none;Username=postgres;Timeout=2");

        var first = await changes.VersionAsync(CancellationToken.None);
        var second = await changes.VersionAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
    }

    private static DatabaseChanges Changes(string connectionString) => new(
        new PlanetPaths(Options.Create(new PlanetOptions { DataDirectory = Path.GetTempPath() }), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }),
        Options.Create(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString }),
        NullLogger<DatabaseChanges>.Instance);
}
