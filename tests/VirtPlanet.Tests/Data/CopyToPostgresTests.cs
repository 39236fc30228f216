using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Cli;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Data;

/// <summary><c>copy-to-postgres</c>: an SQLite planet moves to PostgreSQL whole, and a second copy changes nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CopyToPostgresTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateTime Newest = new(2017, 9, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly PlanetFactory planet = new();
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        app.MapGet("/feeds/{n:int}.xml", (int n) => Results.Text(AtomFeed.WithEntries($"Blog {n}", 12, Newest.AddHours(-n)), "application/atom+xml"));
        app.MapGet("/gone.xml", () => Results.StatusCode(410));
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await planet.DisposeAsync();
    }

    [Fact]
    public async Task TheCopyKeepsEveryFeedAndPostAndRunningItTwiceChangesNothing()
    {
        var subscriptions = planet.Services.GetRequiredService<FeedSubscriptions>();
        await subscriptions.ImportAsync([.. Enumerable.Range(0, 4).Select(n => new OpmlOutline(server.Url($"/feeds/{n}.xml").AbsoluteUri, $"Blog {n}", null)),
            new OpmlOutline(server.Url("/gone.xml").AbsoluteUri, "Gone", null)]);
        await planet.Services.GetRequiredService<PollFeedsJob>().PollAllAsync(CancellationToken.None);
        var target = await postgres.CreateDatabaseAsync();

        var (firstExit, firstOutput) = await CopyAsync(target);
        var afterFirst = await SnapshotAsync(new PostgresPlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseNpgsql(target).Options));
        var (secondExit, secondOutput) = await CopyAsync(target);
        var afterSecond = await SnapshotAsync(new PostgresPlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseNpgsql(target).Options));

        Assert.Equal((0, 0), (firstExit, secondExit));
        Assert.Contains("feeds: 5 added, 0 updated, 0 unchanged; posts: 48 added", firstOutput);
        Assert.Contains("feeds: 0 added, 0 updated, 5 unchanged; posts: 0 added, 0 updated, 48 unchanged", secondOutput);
        Assert.Equal(await SnapshotAsync(await planet.CreateDbContextAsync()), afterFirst);
        Assert.Equal(afterFirst, afterSecond);
    }

    private async Task<(int Exit, string Output)> CopyAsync(string connectionString)
    {
        using var output = new StringWriter();
        var exit = await PlanetCommandLine.RunAsync(planet.Services, ["copy-to-postgres", connectionString], output);
        return (exit, output.ToString());
    }

    /// <summary>Every feed and post as JSON, keyed by URL and entry key, without the store's own ids.</summary>
    private static async Task<string> SnapshotAsync(PlanetDbContext db)
    {
        await using (db)
        {
            var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Url).ToListAsync();
            var posts = await db.Posts.AsNoTracking().Include(p => p.Feed).OrderBy(p => p.Feed!.Url).ThenBy(p => p.EntryKey).ToListAsync();
            return JsonSerializer.Serialize(new
            {
                Feeds = feeds.Select(f => new { f.Url, f.Slug, f.Title, f.DisplayName, f.ETag, f.BodyHash, LastSuccessAt = Microseconds(f.LastSuccessAt), f.LastError, f.IsActive, f.DeactivatedReason, NextFetchAt = Microseconds(f.NextFetchAt) }),
                Posts = posts.Select(p => new { p.Feed!.Url, p.EntryKey, p.Title, p.Link, p.Author, p.ContentHtml, PublishedAt = Microseconds(p.PublishedAt), FirstSeenAt = Microseconds(p.FirstSeenAt), p.IsHidden, p.ContentHash }),
            });
        }
    }

    /// <summary>PostgreSQL keeps microseconds, SQLite ticks: "2017-09-01T12:00:00.123456".</summary>
    private static string? Microseconds(DateTime? date) => date?.ToString("O")[..26];
}
