using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// One poll at a time per feed, across overlapping job runs and app instances: a lease taken with a
/// single conditional UPDATE, so the database decides who wins.
/// </summary>
public sealed class FeedLease(IDbContextFactory<PlanetDbContext> dbFactory, WriteGate writeGate, IOptions<PollingOptions> options, TimeProvider time)
{
    public Task<bool> TryTakeAsync(int feedId, CancellationToken cancellationToken) => TryTakeAsync(feedId, unlessFetchedSince: null, cancellationToken);

    /// <summary>Also refuses a feed fetched at or after <paramref name="unlessFetchedSince"/>: a poll cycle's job queued twice fetches once.</summary>
    public async Task<bool> TryTakeAsync(int feedId, DateTime? unlessFetchedSince, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feed = db.Feeds.Where(f => f.Id == feedId && (f.LeaseUntil == null || f.LeaseUntil < now));
        if (unlessFetchedSince is { } since)
        {
            feed = feed.Where(f => f.LastFetchedAt == null || f.LastFetchedAt < since);
        }

        using (await writeGate.EnterAsync(cancellationToken))
        {
            var taken = await feed.ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, until), cancellationToken);
            return taken == 1;
        }
    }

    public async Task ReleaseAsync(int feedId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        using (await writeGate.EnterAsync(CancellationToken.None))
        {
            await db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, (DateTime?)null));
        }
    }
}
