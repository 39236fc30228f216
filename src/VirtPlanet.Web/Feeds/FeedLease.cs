using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// One poll at a time per feed, across overlapping job runs and app instances: a lease taken with a
/// single conditional UPDATE, so the database decides who wins.
/// </summary>
public sealed class FeedLease(WriteQueue writes, IOptions<PollingOptions> options, TimeProvider time)
{
    public Task<bool> TryTakeAsync(int feedId, CancellationToken cancellationToken) => TryTakeAsync(feedId, unlessFetchedSince: null, cancellationToken);

    /// <summary>Also refuses a feed fetched at or after <paramref name="unlessFetchedSince"/>: a poll cycle's job queued twice fetches once.</summary>
    public async Task<bool> TryTakeAsync(int feedId, DateTime? unlessFetchedSince, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        var taken = await writes.RunAsync(
            (db, token) =>
            {
                var feed = db.Feeds.Where(f => f.Id == feedId && (f.LeaseUntil == null || f.LeaseUntil < now));
                if (unlessFetchedSince is { } since)
                {
                    feed = feed.Where(f => f.LastFetchedAt == null || f.LastFetchedAt < since);
                }

                return feed.ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, until), token);
            },
            cancellationToken);
        return taken == 1;
    }

    public Task ReleaseAsync(int feedId) =>
        writes.RunAsync(
            (db, token) => db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, (DateTime?)null), token),
            CancellationToken.None);
}
