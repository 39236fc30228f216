using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>
/// The refresher and the poll jobs against a real loopback server: status codes, back-off, caps, edits, overlaps.
/// Run on each store by <see cref="SqliteFeedPollingTests"/> and <see cref="PostgresFeedPollingTests"/>.
/// </summary>
public abstract class FeedPollingTests : IAsyncLifetime
{
    private static readonly DateTime Newest = new(2017, 9, 1, 12, 0, 0, DateTimeKind.Utc);
    private PlanetFactory planet = null!;
    private FeedServer server = null!;
    private readonly TaskCompletionSource heldRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource releaseHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource lanedRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string editableContent = "<p>First version</p>";
    private int rebuilds;

    /// <summary>The Planet:Database settings of the store under test, with a database of this test's own.</summary>
    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    public async Task InitializeAsync()
    {
        planet = new PlanetFactory(await DatabaseSettingsAsync());
        server = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/ok.xml", () => Atom(AtomFeed.WithEntries("Stefan Hajnoczi", 3, Newest)));
            app.MapGet("/big.xml", () => Atom(AtomFeed.WithEntries("Richard Jones", 300, Newest)));
            app.MapGet("/moved.xml", () => Results.Redirect("/ok.xml", permanent: true, preserveMethod: false));
            app.MapGet("/gone.xml", () => Results.StatusCode(410));
            app.MapGet("/broken.xml", () => Results.StatusCode(500));
            app.MapGet("/edited.xml", () => Atom(AtomFeed.With("Gerd Hoffmann", [("urn:edit", "Edited post", Newest, editableContent)])));
            // The same entries in a new body each time, as a blog engine that stamps its build time would send them.
            app.MapGet("/rebuilt.xml", () => Atom(AtomFeed.WithEntries("Daniel Berrange", 3, Newest) + $"<!-- build {++rebuilds} -->"));
            app.MapGet("/busy.xml", (HttpContext context) =>
            {
                context.Response.Headers.RetryAfter = "7200";
                return Results.StatusCode(503);
            });
            app.MapGet("/max-age.xml", (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return Atom(AtomFeed.WithEntries("Cole Robinson", 1, Newest));
            });
            app.MapGet("/ttl.xml", () => Results.Text(
                "<rss version=\"2.0\"><channel><title>Kashyap Chamarthy</title><link>https://kashyapc.example/</link><ttl>180</ttl>" +
                "<item><guid>k1</guid><title>Nested virtualization</title><link>https://kashyapc.example/k1</link></item></channel></rss>",
                "application/rss+xml"));
            // Answer only when the test lets them, all at once: a feed can be removed while its fetch is under way, and
            // the feeds' writes then queue together.
            app.MapGet("/held.xml", async () =>
            {
                heldRequested.TrySetResult();
                await releaseHeld.Task;
                return Atom(AtomFeed.WithEntries("Held blog", 3, Newest));
            });
            app.MapGet("/waiting.xml", async () =>
            {
                await releaseHeld.Task;
                return Atom(AtomFeed.WithEntries("Waiting blog", 3, Newest));
            });
            app.MapGet("/laned.xml", () =>
            {
                lanedRequested.TrySetResult();
                return Atom(AtomFeed.WithEntries("Laned blog", 3, Newest));
            });
            app.MapGet("/slow.xml", async (CancellationToken token) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), token);
                return Atom(AtomFeed.WithEntries("Slow blog", 10, Newest));
            });
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await planet.DisposeAsync();
    }

    [Fact]
    public async Task PermanentRedirectUpdatesTheStoredFeedUrl()
    {
        var feed = await SubscribeAsync("/moved.xml");

        var outcome = await RefreshAsync(feed);

        Assert.Equal(RefreshStatus.Fetched, outcome.Status);
        Assert.Equal(server.Url("/ok.xml").AbsoluteUri, (await ReloadAsync(feed)).Url);
    }

    [Fact]
    public async Task GoneDeactivatesTheFeedWithItsReason()
    {
        var feed = await SubscribeAsync("/gone.xml");

        await RefreshAsync(feed);

        var stored = await ReloadAsync(feed);
        Assert.False(stored.IsActive);
        Assert.Contains("410", stored.DeactivatedReason);
    }

    [Fact]
    public async Task ServerErrorsLeaveAReadableErrorAndBackOffExponentially()
    {
        var feed = await SubscribeAsync("/broken.xml");

        await RefreshAsync(feed);
        var afterOne = await ReloadAsync(feed);
        await RefreshAsync(feed);
        var afterTwo = await ReloadAsync(feed);

        Assert.Contains("500", afterOne.LastError);
        Assert.Equal(2, afterTwo.ConsecutiveFailures);
        var firstWait = afterOne.NextFetchAt - afterOne.LastFetchedAt!.Value;
        var secondWait = afterTwo.NextFetchAt - afterTwo.LastFetchedAt!.Value;
        Assert.Equal(TimeSpan.FromMinutes(30), firstWait);
        Assert.Equal(TimeSpan.FromMinutes(60), secondWait);
    }

    [Theory]
    [InlineData("/busy.xml", 120)]
    [InlineData("/max-age.xml", 60)]
    [InlineData("/ttl.xml", 180)]
    public async Task TheNextFetchWaitsAsLongAsTheFeedAsks(string path, int minutes)
    {
        var feed = await SubscribeAsync(path);

        await RefreshAsync(feed);

        var stored = await ReloadAsync(feed);
        Assert.Equal(TimeSpan.FromMinutes(minutes), stored.NextFetchAt - stored.LastFetchedAt!.Value);
    }

    [Fact]
    public async Task AFailingFeedRecoversByItselfOnTheNextSuccess()
    {
        var feed = await SubscribeAsync("/broken.xml");
        await RefreshAsync(feed);
        await using (var db = await DbAsync())
        {
            await db.Feeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Url, server.Url("/ok.xml").AbsoluteUri));
        }

        var outcome = await RefreshAsync(feed);

        var stored = await ReloadAsync(feed);
        Assert.Equal(RefreshStatus.Fetched, outcome.Status);
        Assert.Null(stored.LastError);
        Assert.Equal(0, stored.ConsecutiveFailures);
    }

    [Fact]
    public async Task ANewFeedBringsOnlyItsNewestEntriesIntoTheRiverAndNeverTheRestLater()
    {
        var feed = await SubscribeAsync("/big.xml");

        var first = await RefreshAsync(feed);
        await ForgetBodyAsync(feed);
        var second = await RefreshAsync(feed);

        Assert.Equal(5, first.NewPosts);
        Assert.Equal(0, second.NewPosts);
        await using var db = await DbAsync();
        var visible = await db.Posts.Where(p => p.FeedId == feed.Id && !p.IsHidden).OrderByDescending(p => p.PublishedAt).Select(p => p.Title).ToListAsync();
        Assert.Equal(["Post 0", "Post 1", "Post 2", "Post 3", "Post 4"], visible);
        Assert.Equal(300, await db.Posts.CountAsync(p => p.FeedId == feed.Id));
    }

    [Fact]
    public async Task AnEditedEntryIsUpdatedInPlaceWithoutMovingInTheRiver()
    {
        var feed = await SubscribeAsync("/edited.xml");
        await RefreshAsync(feed);
        editableContent = "<p>Second version, with a correction</p>";

        var outcome = await RefreshAsync(feed);

        Assert.Equal(new RefreshOutcome(RefreshStatus.Fetched, NewPosts: 0, UpdatedPosts: 1), outcome);
        await using var db = await DbAsync();
        var post = await db.Posts.SingleAsync(p => p.FeedId == feed.Id);
        Assert.Contains("Second version", post.ContentHtml);
        Assert.Equal(Newest, post.PublishedAt);
    }

    [Fact]
    public async Task ANewBodyWithTheSameEntriesRecordsTheFetchAndKeepsThePostsAsTheyWere()
    {
        var feed = await SubscribeAsync("/rebuilt.xml");
        await RefreshAsync(feed);
        var first = await ReloadAsync(feed);

        var outcome = await RefreshAsync(feed);

        var second = await ReloadAsync(feed);
        Assert.Equal(new RefreshOutcome(RefreshStatus.Fetched), outcome);
        Assert.NotEqual(first.BodyHash, second.BodyHash);
        Assert.True(second.LastFetchedAt > first.LastFetchedAt);
        Assert.Null(second.LeaseUntil);
        await using var db = await DbAsync();
        Assert.Equal(3, await db.Posts.CountAsync(p => p.FeedId == feed.Id));
    }

    [Fact]
    public async Task TwoOverlappingPollsFetchEachFeedOnceAndStoreNoDuplicates()
    {
        var feed = await SubscribeAsync("/slow.xml");
        var job = planet.Services.GetRequiredService<PollFeedsJob>();

        var summaries = await Task.WhenAll(job.PollAllAsync(CancellationToken.None), job.PollAllAsync(CancellationToken.None));

        Assert.Equal(1, summaries.Sum(s => s.Fetched));
        Assert.Equal(1, summaries.Sum(s => s.Skipped));
        Assert.Single(server.RequestLog, r => r == "GET /slow.xml");
        await using var db = await DbAsync();
        Assert.Equal(5, await db.Posts.CountAsync(p => p.FeedId == feed.Id && !p.IsHidden));
    }

    [Fact]
    public async Task PollingAllFeedsFetchesEachFreeFeedOnceAndPassesOverOneAnotherRunHolds()
    {
        // More feeds than the poll's parallelism (8), so it leases them in several batches.
        var feeds = new List<Feed>();
        for (var n = 0; n < 20; n++)
        {
            feeds.Add(await SubscribeAsync($"/ok.xml?blog={n}"));
        }

        var held = feeds[11];
        Assert.True(await planet.Services.GetRequiredService<FeedLease>().TryTakeAsync(held.Id, CancellationToken.None));

        var summary = await planet.Services.GetRequiredService<PollFeedsJob>().PollAllAsync(CancellationToken.None);

        Assert.Equal((20, 19, 1), (summary.Feeds, summary.Fetched, summary.Skipped));
        Assert.Equal(feeds.Where(f => f != held).Select(f => "GET " + new Uri(f.Url).PathAndQuery).Order(), server.RequestLog.Order());
        await using var db = await DbAsync();
        var leased = await db.Feeds.Where(f => f.LeaseUntil != null).Select(f => f.Id).ToListAsync();
        Assert.Equal([held.Id], leased);
    }

    [Fact]
    public async Task ACancelledPollGivesBackEveryLeaseItTook()
    {
        // Leased 8 at a time (the parallelism): the fast first feed frees a worker, which leases feeds 9-16 and starts
        // the 9th while the others wait their turn behind the slow first batch.
        await SubscribeAsync("/ok.xml?blog=1");
        for (var n = 2; n <= 20; n++)
        {
            await SubscribeAsync($"/slow.xml?blog={n}");
        }

        using var cancel = new CancellationTokenSource();
        var poll = planet.Services.GetRequiredService<PollFeedsJob>().PollAllAsync(cancel.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!server.RequestLog.Contains("GET /slow.xml?blog=9") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);

        Assert.Contains("GET /slow.xml?blog=9", server.RequestLog);
        Assert.DoesNotContain("GET /slow.xml?blog=16", server.RequestLog);
        await using var db = await DbAsync();
        Assert.Equal(0, await db.Feeds.CountAsync(f => f.LeaseUntil != null));
    }

    [Fact]
    public async Task OneFailingFeedDoesNotStopTheOthersInAPoll()
    {
        await SubscribeAsync("/broken.xml");
        await SubscribeAsync("/gone.xml");
        var good = await SubscribeAsync("/ok.xml");

        var summary = await planet.Services.GetRequiredService<PollFeedsJob>().PollAllAsync(CancellationToken.None);

        Assert.Equal((3, 1, 2), (summary.Feeds, summary.Fetched, summary.Failed));
        await using var db = await DbAsync();
        Assert.Equal(3, await db.Posts.CountAsync(p => p.FeedId == good.Id));
    }

    [Fact]
    public async Task AFeedRemovedWhileItIsFetchedStoresNothingAndTheOtherFeedsOfThePollAreStored()
    {
        // Feeds' new posts are committed together; the removed feed's posts are refused (its row is gone), and that
        // must not take down the feeds committed with it. The first batch (the parallelism, 8) answers at once.
        var held = await SubscribeAsync("/held.xml");
        var others = new List<Feed>();
        for (var n = 0; n < 12; n++)
        {
            others.Add(await SubscribeAsync($"/waiting.xml?blog={n}"));
        }

        var poll = planet.Services.GetRequiredService<PollFeedsJob>().PollAllAsync(CancellationToken.None);
        await heldRequested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await planet.Services.GetRequiredService<FeedSubscriptions>().RemoveAsync(held.Id));
        releaseHeld.SetResult();
        var summary = await poll;

        Assert.Equal((13, 12, 1), (summary.Feeds, summary.Fetched, summary.Failed));
        await using var db = await DbAsync();
        Assert.Equal(0, await db.Posts.CountAsync(p => p.FeedId == held.Id));
        Assert.False(await db.Feeds.AnyAsync(f => f.Id == held.Id));
        Assert.All(others, f => Assert.Equal(3, db.Posts.Count(p => p.FeedId == f.Id)));
    }

    [Fact]
    public async Task AFeedFetchedWhileEveryParsingLaneIsTakenIsStoredOnceOneFrees()
    {
        // Parsing does not take every core (ParsingLanes): the writer and the readers keep one.
        var feed = await SubscribeAsync("/laned.xml");
        var lanes = planet.Services.GetRequiredService<ParsingLanes>();
        var count = planet.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PollingOptions>>().Value.EffectiveParseParallelism;
        var taken = new List<IDisposable>();
        for (var i = 0; i < count; i++)
        {
            taken.Add(await lanes.EnterAsync(CancellationToken.None));
        }

        var refresh = planet.Services.GetRequiredService<FeedRefresher>().RefreshAsync(feed.Id, CancellationToken.None);
        await lanedRequested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(refresh.IsCompleted, "the feed was stored while no parsing lane was free");
        await using (var db = await DbAsync())
        {
            Assert.Equal(0, await db.Posts.CountAsync(p => p.FeedId == feed.Id));
        }

        taken.ForEach(lane => lane.Dispose());
        var outcome = await refresh.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((RefreshStatus.Fetched, 3), (outcome.Status, outcome.NewPosts));
    }

    [Fact]
    public async Task AFeedQueuedTwiceInOneCycleIsFetchedOnce()
    {
        var feed = await SubscribeAsync("/ok.xml");
        var cycle = DateTime.UtcNow;
        var job = planet.Services.GetRequiredService<RefreshFeedJob>();

        await job.RunAsync(feed.Id, cycle, CancellationToken.None);
        await job.RunAsync(feed.Id, cycle, CancellationToken.None);

        Assert.Single(server.RequestLog, r => r == "GET /ok.xml");
        Assert.NotNull((await ReloadAsync(feed)).LastSuccessAt);
    }

    [Fact]
    public async Task APollCycleQueuesEveryDueFeedForTheHangfireWorkers()
    {
        var due = await SubscribeAsync("/ok.xml");
        var later = await SubscribeAsync("/edited.xml");
        await using (var db = await DbAsync())
        {
            await db.Feeds.Where(f => f.Id == later.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.NextFetchAt, DateTime.UtcNow.AddHours(1)));
        }

        var queued = await planet.Services.GetRequiredService<PollCycleJob>().RunAsync(CancellationToken.None);

        Assert.Equal(1, queued);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ReloadAsync(due)).LastSuccessAt is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Single(server.RequestLog, r => r == "GET /ok.xml");
        Assert.DoesNotContain("GET /edited.xml", server.RequestLog);
    }

    [Fact]
    public async Task APollCycleOfManyFeedsQueuesOneJobPerFeedAndFetchesEachOnce()
    {
        var feeds = new List<Feed>();
        for (var n = 0; n < 40; n++)
        {
            feeds.Add(await SubscribeAsync($"/ok.xml?blog={n}"));
        }

        var queued = await planet.Services.GetRequiredService<PollCycleJob>().RunAsync(CancellationToken.None);

        Assert.Equal(40, queued);
        var monitoring = planet.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (monitoring.SucceededListCount() < 40 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(40, monitoring.SucceededListCount());
        Assert.Equal(0, monitoring.EnqueuedCount("default") + monitoring.ProcessingCount());
        Assert.Equal(Enumerable.Range(0, 40).Select(n => $"GET /ok.xml?blog={n}").Order(), server.RequestLog.Order());
        foreach (var feed in feeds)
        {
            Assert.NotNull((await ReloadAsync(feed)).LastSuccessAt);
        }
    }

    private static IResult Atom(string xml) => Results.Text(xml, "application/atom+xml; charset=utf-8");

    private async Task<Feed> SubscribeAsync(string path)
    {
        var result = await planet.Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline(server.Url(path).AbsoluteUri, null, null));
        return result.Feed!;
    }

    private Task<RefreshOutcome> RefreshAsync(Feed feed) =>
        planet.Services.GetRequiredService<FeedRefresher>().RefreshAsync(feed.Id, CancellationToken.None);

    private async Task<Feed> ReloadAsync(Feed feed)
    {
        await using var db = await DbAsync();
        return await db.Feeds.AsNoTracking().SingleAsync(f => f.Id == feed.Id);
    }

    /// <summary>Makes the next poll parse the same document again, as a server without validators would send it.</summary>
    private async Task ForgetBodyAsync(Feed feed)
    {
        await using var db = await DbAsync();
        await db.Feeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.BodyHash, (string?)null));
    }

    private Task<PlanetDbContext> DbAsync() =>
        planet.CreateDbContextAsync();
}
