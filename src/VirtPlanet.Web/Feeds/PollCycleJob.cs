using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// The recurring Hangfire job: queues a <see cref="RefreshFeedJob"/> per due, active feed, so that the Hangfire
/// workers of every instance sharing the database share the cycle.
/// </summary>
public sealed class PollCycleJob(
    IDbContextFactory<PlanetDbContext> dbFactory, IBackgroundJobClient jobs, IOptions<PollingOptions> options, TimeProvider time, ILogger<PollCycleJob> logger)
{
    public const string RecurringJobId = "poll-feeds";

    /// <summary>Feeds being fetched right now (leased) are left to the run that holds them.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<int> feedIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Once a cycle, SQLite's planner statistics catch up with what the last cycles stored (milliseconds).
            await db.OptimizeAsync(cancellationToken);
            feedIds = await db.Feeds
                .Where(f => f.IsActive && f.NextFetchAt <= now && (f.LeaseUntil == null || f.LeaseUntil < now))
                .OrderBy(f => f.NextFetchAt)
                .Select(f => f.Id)
                .ToListAsync(cancellationToken);
        }

        // Each job is a few statements and round trips in Hangfire's storage. Queued one at a time, on a core shared
        // with this instance's busy workers, they paced the whole cycle on PostgreSQL (≈ 45 jobs/s for 10,000 feeds,
        // docs/performance.md) while other instances' workers waited for work.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(feedIds, parallel, feedId => jobs.Enqueue<RefreshFeedJob>(job => job.RunAsync(feedId, now, CancellationToken.None)));

        logger.LogInformation("Poll cycle: {FeedCount} due feeds queued", feedIds.Count);
        return feedIds.Count;
    }
}
