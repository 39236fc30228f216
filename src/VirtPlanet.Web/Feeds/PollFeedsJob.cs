using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Refreshes every active feed in-process with bounded parallelism: <c>poll-once</c> and the admin's "poll all".
/// The schedule goes through <see cref="PollCycleJob"/> instead. Each feed is leased, so a run overlapping
/// another (or a scheduled cycle) never fetches a feed twice.
/// </summary>
public sealed class PollFeedsJob(
    IDbContextFactory<PlanetDbContext> dbFactory,
    FeedRefresher refresher,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<PollFeedsJob> logger)
{
    /// <summary>Polls every active feed now, due or not (<c>poll-once</c>, the admin's "poll all").</summary>
    public async Task<PollSummary> PollAllAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow().UtcDateTime;
        List<int> feedIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            feedIds = await db.Feeds
                .Where(f => f.IsActive)
                .OrderBy(f => f.NextFetchAt)
                .Select(f => f.Id)
                .ToListAsync(cancellationToken);
        }

        var outcomes = new ConcurrentBag<RefreshOutcome>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(feedIds, parallel, async (feedId, token) =>
            outcomes.Add(await RefreshOneAsync(feedId, now, token)));

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // What the poll stored may have changed the tables' shape: the reading side's queries plan on fresh statistics.
            await db.OptimizeAsync(cancellationToken);
        }

        var summary = PollSummary.From(outcomes, time.GetElapsedTime(started));
        logger.LogInformation(
            "Poll finished: {FeedCount} feeds, {Fetched} fetched, {NotModified} not modified, {Failed} failed, {Skipped} skipped, {NewPosts} new posts, {UpdatedPosts} updated in {ElapsedMs} ms",
            summary.Feeds, summary.Fetched, summary.NotModified, summary.Failed, summary.Skipped, summary.NewPosts, summary.UpdatedPosts,
            (long)summary.Duration.TotalMilliseconds);
        return summary;
    }

    private async Task<RefreshOutcome> RefreshOneAsync(int feedId, DateTime pollStarted, CancellationToken cancellationToken)
    {
        try
        {
            // A feed another run fetched after this one listed it is done: leases alone would let this run fetch it again.
            return await refresher.RefreshAsync(feedId, pollStarted, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or a database hiccup on one feed must not stop the others.
            logger.LogError(e, "Refreshing feed {FeedId} failed unexpectedly", feedId);
            return new RefreshOutcome(RefreshStatus.Failed, Error: e.Message);
        }
    }
}
