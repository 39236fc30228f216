using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    FeedLease lease,
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
        // Only to count the feeds another run holds: listed while the first fetches are under way, not before them.
        var listing = Task.Run(() => ListActiveAsync(cancellationToken), cancellationToken);

        var outcomes = new ConcurrentBag<RefreshOutcome>();
        var refreshed = new ConcurrentDictionary<int, bool>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelism, CancellationToken = cancellationToken };
        var polling = Parallel.ForEachAsync(LeaseAllAsync(now, cancellationToken), parallel, async (feed, token) =>
        {
            refreshed[feed.Id] = true;
            outcomes.Add(await RefreshOneAsync(feed, token));
        });

        // Both awaited even when one fails (a cancelled run): neither's error goes unobserved.
        await Task.WhenAll(polling, listing);
        var listed = await listing;
        // Listed, but leased or fetched by another run meanwhile.
        listed.ExceptWith(refreshed.Keys);
        foreach (var _ in listed)
        {
            outcomes.Add(new RefreshOutcome(RefreshStatus.Skipped));
        }

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

    /// <summary>
    /// Every active feed this run may fetch, leased a batch at a time as the workers ask for more: a batch is as large
    /// as the parallelism, so a leased feed waits for at most one fetch before its own starts, well within its lease.
    /// A feed another run fetched after <paramref name="pollStarted"/> is passed over. Leases of a batch not handed out
    /// when the run stops (cancelled) are given back.
    /// </summary>
    private async IAsyncEnumerable<Feed> LeaseAllAsync(DateTime pollStarted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var waiting = new Queue<Feed>();
        try
        {
            var afterId = 0;
            while (true)
            {
                var batch = await lease.TakeBatchAsync(afterId, options.Value.MaxParallelism, pollStarted, cancellationToken);
                if (batch.Count == 0)
                {
                    yield break;
                }

                foreach (var feed in batch)
                {
                    waiting.Enqueue(feed);
                }

                afterId = batch[^1].Id;
                while (waiting.TryDequeue(out var next))
                {
                    yield return next;
                }
            }
        }
        finally
        {
            if (waiting.Count > 0)
            {
                await lease.ReleaseAsync([.. waiting.Select(f => f.Id)]);
            }
        }
    }

    private async Task<HashSet<int>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Feeds.Where(f => f.IsActive).Select(f => f.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    private async Task<RefreshOutcome> RefreshOneAsync(Feed leased, CancellationToken cancellationToken)
    {
        try
        {
            return await refresher.RefreshLeasedAsync(leased, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or a database hiccup on one feed must not stop the others.
            logger.LogError(e, "Refreshing feed {FeedId} failed unexpectedly", leased.Id);
            return new RefreshOutcome(RefreshStatus.Failed, Error: e.Message);
        }
    }
}
