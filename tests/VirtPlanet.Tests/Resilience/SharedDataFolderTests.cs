using System.Collections.Concurrent;
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
    private readonly TaskCompletionSource bothPolling = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, bool> pollers = new();
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        app.MapGet("/feeds/{n:int}.xml", async (int n, HttpContext context) =>
        {
            // No feed is answered before both processes' polls have asked for one (each process is told apart by its
            // User-Agent, which carries its Planet:Link): a poll that starts after another one finished a feed may
            // rightly fetch it again, so both must have begun. Then slowly enough that they overlap.
            pollers[context.Request.Headers.UserAgent.ToString()] = true;
            if (pollers.Count == 2)
            {
                bothPolling.TrySetResult();
            }

            await bothPolling.Task.WaitAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromMilliseconds(300), context.RequestAborted);
            return Results.Text(AtomFeed.WithEntries($"Blog {n}", EntriesPerFeed, Newest), "application/atom+xml");
        });
        app.MapGet("/planet.opml", (HttpContext context) => TestOpml.Blogs(context, "shared", FeedCount));
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
        string[] Args(string instance) =>
        [
            "poll-once", "--opml", server.Url("/planet.opml").AbsoluteUri, $"--Planet:DataDirectory={folder}", "--Planet:NewFeedItems=0",
            "--Planet:Fetch:AllowPrivateAddresses=true", "--Planet:Polling:MaxParallelism=4", $"--Planet:Link=http://{instance}.example/",
        ];

        var runs = await Task.WhenAll(
            PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(60), Args("one")),
            PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(60), Args("two")));

        var output = string.Join("\n", runs.Select(run => $"exit {run.ExitCode}: {run.StandardOutput}{run.StandardError}"));
        Assert.All(runs, run => Assert.True(run.ExitCode == 0, output));
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        Assert.Equal((long)FeedCount, Scalar("SELECT COUNT(*) FROM Feeds"));
        Assert.Equal((long)FeedCount * EntriesPerFeed, Scalar("SELECT COUNT(*) FROM Posts"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM (SELECT FeedId, EntryKey FROM Posts GROUP BY FeedId, EntryKey HAVING COUNT(*) > 1)"));
        var fetches = server.RequestLog.Where(r => r.StartsWith("GET /feeds/", StringComparison.Ordinal)).ToList();
        Assert.True(fetches.Count == FeedCount && fetches.Distinct().Count() == FeedCount, $"{fetches.Count} fetches, {fetches.Distinct().Count()} feeds\n{output}");
        Assert.Equal(2, pollers.Count);
    }

    private object? Scalar(string sql) => new PlanetDatabaseFile(folder).Scalar(sql);
}
