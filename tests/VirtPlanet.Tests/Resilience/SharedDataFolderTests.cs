using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Resilience;

/// <summary>Two planet processes started together on one data folder: SQLite and the feed leases keep them from treading on each other.</summary>
public sealed class SharedDataFolderTests : IAsyncLifetime
{
    private const int FeedCount = 30;
    private const int EntriesPerFeed = 10;
    private static readonly DateTime Newest = new(2017, 9, 8, 7, 24, 0, DateTimeKind.Utc);
    private readonly string folder = Directory.CreateTempSubdirectory("virtplanet-shared-").FullName;
    private readonly TaskCompletionSource bothStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int opmlReads;
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        app.MapGet("/feeds/{n:int}.xml", async (int n, CancellationToken token) =>
        {
            // No feed is answered before both processes have started their polls (a poll started after another
            // one finished a feed may rightly fetch it again), and then slowly enough that they overlap.
            await bothStarted.Task.WaitAsync(token);
            await Task.Delay(TimeSpan.FromMilliseconds(1000), token);
            return Results.Text(AtomFeed.WithEntries($"Blog {n}", EntriesPerFeed, Newest), "application/atom+xml");
        });
        app.MapGet("/planet.opml", (HttpContext context) =>
        {
            if (Interlocked.Increment(ref opmlReads) == 2)
            {
                bothStarted.SetResult();
            }

            return TestOpml.Blogs(context, "shared", FeedCount);
        });
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TwoInstancesPollingOneDataFolderAtOnceStoreEveryPostOnceAndFetchEveryFeedOnce()
    {
        string[] args =
        [
            "poll-once", "--opml", server.Url("/planet.opml").AbsoluteUri, $"--Planet:DataDirectory={folder}", "--Planet:NewFeedItems=0",
            "--Planet:Fetch:AllowPrivateAddresses=true", "--Planet:Polling:MaxParallelism=4",
        ];

        var runs = await Task.WhenAll(
            PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(60), args),
            PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(60), args));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.StandardOutput}{run.StandardError}"));
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        Assert.Equal((long)FeedCount, Scalar("SELECT COUNT(*) FROM Feeds"));
        Assert.Equal((long)FeedCount * EntriesPerFeed, Scalar("SELECT COUNT(*) FROM Posts"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM (SELECT FeedId, EntryKey FROM Posts GROUP BY FeedId, EntryKey HAVING COUNT(*) > 1)"));
        var fetches = server.RequestLog.Where(r => r.StartsWith("GET /feeds/", StringComparison.Ordinal)).ToList();
        Assert.Equal(FeedCount, fetches.Count);
        Assert.Equal(FeedCount, fetches.Distinct().Count());
    }

    private object? Scalar(string sql) => new PlanetDatabaseFile(folder).Scalar(sql);
}
