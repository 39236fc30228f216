using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// One poll at a time per feed, across overlapping job runs and app instances: a lease taken with a
/// single conditional UPDATE, so the database decides who wins.
/// </summary>
public sealed class FeedLease(IDbContextFactory<PlanetDbContext> dbFactory, IOptions<PollingOptions> options, TimeProvider time)
{
    /// <param name="notFetchedSince">
    /// When set, a feed fetched at or after this moment is refused too: a poll that started before another run
    /// (or another instance on the same data folder) fetched the feed must not fetch it again once that lease is gone.
    /// </param>
    public async Task<bool> TryTakeAsync(int feedId, DateTime? notFetchedSince, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Feeds
            .Where(f => f.Id == feedId && (f.LeaseUntil == null || f.LeaseUntil < now))
            .Where(f => notFetchedSince == null || f.LastFetchedAt == null || f.LastFetchedAt < notFetchedSince)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, until), cancellationToken);
        return taken == 1;
    }

    public async Task ReleaseAsync(int feedId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, (DateTime?)null));
    }
}
