using Hangfire;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// One due feed of a poll cycle, as a Hangfire job: whichever instance's worker dequeues it fetches the feed.
/// The lease makes a job queued twice (a crashed instance's job handed out again, a cycle still running when
/// the next one starts) fetch the feed at most once per cycle.
/// </summary>
public sealed class RefreshFeedJob(FeedRefresher refresher)
{
    /// <summary>No Hangfire retry: a failing feed is data (its back-off is recorded), and the next cycle queues it again.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int feedId, DateTime cycleStartedAt, CancellationToken cancellationToken) =>
        await refresher.RefreshAsync(feedId, cycleStartedAt, cancellationToken);
}
