using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Resilience;

/// <summary>A poll killed with SIGKILL halfway loses nothing, duplicates nothing, and the next poll finishes the work.</summary>
public sealed class CrashSafetyTests : IAsyncLifetime
{
    private const int FeedCount = 30;
    private const int EntriesPerFeed = 20;
    private static readonly DateTime Newest = new(2017, 9, 8, 7, 24, 0, DateTimeKind.Utc);
    private readonly string folder = Directory.CreateTempSubdirectory("virtplanet-crash-").FullName;
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        app.MapGet("/feeds/{n:int}.xml", async (int n, CancellationToken token) =>
        {
            // Slow enough that the poll is surely still running when it is killed.
            await Task.Delay(TimeSpan.FromMilliseconds(150), token);
            return Results.Text(AtomFeed.WithEntries($"Blog {n}", EntriesPerFeed, Newest), "application/atom+xml");
        });
        app.MapGet("/planet.opml", (HttpContext context) => TestOpml.Blogs(context, "crash", FeedCount));
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task KillingAPollMidwayLeavesAConsistentDatabaseAndTheNextPollCompletesIt()
    {
        string[] settings =
        [
            $"--Planet:DataDirectory={folder}", "--Planet:NewFeedItems=0", "--Planet:Fetch:AllowPrivateAddresses=true",
            "--Planet:Polling:MaxParallelism=2", "--Planet:Polling:Lease=00:00:02",
        ];
        var killed = await KillWhenHalfFetchedAsync(["poll-once", "--opml", server.Url("/planet.opml").AbsoluteUri, .. settings]);
        Assert.True(killed, "the first poll finished before it could be killed");

        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        var perFeedAfterKill = PostsPerFeed();
        Assert.All(perFeedAfterKill, count => Assert.True(count is 0 or EntriesPerFeed, $"a feed was half stored: {count} posts"));
        Assert.InRange(perFeedAfterKill.Count(c => c == EntriesPerFeed), 1, FeedCount - 1);

        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the killed run's leases expire
        var (exit, output, _) = await PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(60), ["poll-once", .. settings]);

        Assert.Equal(0, exit);
        Assert.Contains($"{FeedCount} feeds polled", output);
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        Assert.All(PostsPerFeed(), count => Assert.Equal(EntriesPerFeed, count));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM (SELECT FeedId, EntryKey FROM Posts GROUP BY FeedId, EntryKey HAVING COUNT(*) > 1)"));
    }

    private async Task<bool> KillWhenHalfFetchedAsync(string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VirtPlanet.Web.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = System.Diagnostics.Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (server.RequestLog.Count(r => r.StartsWith("GET /feeds/", StringComparison.Ordinal)) < FeedCount / 2 && DateTime.UtcNow < deadline && !process.HasExited)
        {
            await Task.Delay(20);
        }

        if (process.HasExited)
        {
            return false;
        }

        process.Kill(); // SIGKILL: no chance to clean up
        await process.WaitForExitAsync();
        return true;
    }

    private object? Scalar(string sql) => new PlanetDatabaseFile(folder).Scalar(sql);

    private List<long> PostsPerFeed() =>
        new PlanetDatabaseFile(folder).Column("SELECT (SELECT COUNT(*) FROM Posts p WHERE p.FeedId = f.Id) FROM Feeds f");
}
