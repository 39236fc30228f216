using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Admin;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Admin;

/// <summary>"Poll now" through the real host: enqueued on Hangfire's SQLite storage, run by its worker, result recorded.</summary>
public sealed class PollNowTests : IAsyncLifetime
{
    private static readonly DateTime Newest = new(2017, 9, 6, 10, 0, 0, DateTimeKind.Utc);
    private readonly PlanetFactory planet = new();
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        app.MapGet("/ok.atom", () => Results.Text(AtomFeed.WithEntries("Stefan Hajnoczi", 3, Newest), "application/atom+xml"));
        app.MapGet("/broken.xml", () => Results.StatusCode(500));
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await planet.DisposeAsync();
    }

    [Fact]
    public async Task PollNowRunsTheFeedsRefreshOnHangfireAndReportsItsNewPosts()
    {
        var feed = await SubscribeAsync("/ok.atom", "Stefan Hajnoczi");
        var poll = planet.Services.GetRequiredService<PollNow>();

        var jobId = poll.EnqueueFeed(feed.Id);

        var job = planet.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId);
        Assert.Equal((typeof(FeedRefresher), nameof(FeedRefresher.RefreshAsync)), (job.Job.Type, job.Job.Method.Name));
        var progress = await FinishedAsync(poll, jobId);
        Assert.Equal(("Succeeded", true, "Done: 3 new posts, 0 updated."), (progress.State, progress.Succeeded, progress.Message));
        var row = await planet.Services.GetRequiredService<AdminFeeds>().FindAsync(feed.Id, CancellationToken.None);
        Assert.NotNull(row?.LastFetchedAt);
        Assert.Equal((3, Newest, FeedHealth.Ok), (row.Posts, row.NewestPost, row.Health));
    }

    [Fact]
    public async Task PollAllPollsEveryActiveFeedAndRecordsTheFailingOnesError()
    {
        var ok = await SubscribeAsync("/ok.atom", "Stefan Hajnoczi");
        var broken = await SubscribeAsync("/broken.xml", "Broken blog");
        var poll = planet.Services.GetRequiredService<PollNow>();

        var progress = await FinishedAsync(poll, poll.EnqueueAll());

        Assert.Equal("Done: 2 feeds polled, 3 new posts, 1 failed.", progress.Message);
        var feeds = planet.Services.GetRequiredService<AdminFeeds>();
        var failing = await feeds.FindAsync(broken.Id, CancellationToken.None);
        Assert.Equal((FeedHealth.Failing, 1), (failing!.Health, failing.ConsecutiveFailures));
        Assert.Contains("500", failing.LastError);
        Assert.Equal(3, (await feeds.FindAsync(ok.Id, CancellationToken.None))!.Posts);
    }

    private async Task<Feed> SubscribeAsync(string path, string title) =>
        (await planet.Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline(server.Url(path).AbsoluteUri, title, null))).Feed!;

    /// <summary>Asks as the page does, until the job is over; the queue is looked at every 2 s.</summary>
    private async Task<JobProgress> FinishedAsync(PollNow poll, string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var progress = poll.Progress(jobId);
        while (!progress.IsFinished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            progress = poll.Progress(jobId);
        }

        var history = planet.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId).History;
        Assert.True(progress.IsFinished, string.Join(" | ", history.Select(h => $"{h.StateName} {h.Reason} {string.Join(",", h.Data.Select(d => d.Key + "=" + d.Value))}")) + $"the job is still {progress.State} after 30 s");
        return progress;
    }
}
