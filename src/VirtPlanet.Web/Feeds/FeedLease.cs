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
    public async Task<bool> TryTakeAsync(int feedId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Feeds
            .Where(f => f.Id == feedId && (f.LeaseUntil == null || f.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, until), cancellationToken);
        return taken == 1;
    }

    public async Task ReleaseAsync(int feedId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, (DateTime?)null));
    }
}
