using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
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

    /// <summary>
    /// Leases up to <paramref name="count"/> active feeds with an id above <paramref name="afterId"/>, free and not
    /// fetched since <paramref name="unlessFetchedSince"/>, in one statement that also returns their rows (lowest ids
    /// first): a run over every feed pages through them by id. Costs one write for the batch instead of a write and a
    /// read per feed.
    /// </summary>
    public async Task<IReadOnlyList<Feed>> TakeBatchAsync(int afterId, int count, DateTime unlessFetchedSince, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        var feeds = await writes.RunAsync(
            (db, token) => db.Feeds.FromSqlRaw(BatchSql(db), until, now, unlessFetchedSince, afterId, count).AsNoTracking().ToListAsync(token),
            cancellationToken);
        return [.. feeds.OrderBy(f => f.Id)];
    }

    public Task ReleaseAsync(int feedId) => ReleaseAsync([feedId]);

    /// <summary>Gives back leases, such as those of a batch whose feeds were never refreshed (a cancelled run).</summary>
    public Task ReleaseAsync(IReadOnlyCollection<int> feedIds) =>
        writes.RunAsync(
            (db, token) => db.Feeds.Where(f => feedIds.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, (DateTime?)null), token),
            CancellationToken.None);

    /// <summary>
    /// <c>UPDATE … RETURNING</c>, which LINQ cannot say, with the model's own table and column names; both SQLite and
    /// PostgreSQL run it. The condition is checked again outside the subquery: on PostgreSQL a row another instance
    /// leased meanwhile is re-read after its lock and then no longer matches. The text is the same for every batch, so
    /// EF Core compiles it once. Parameters: {0} lease until, {1} now, {2} not fetched since, {3} after id, {4} count.
    /// </summary>
    private static string BatchSql(PlanetDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Feed))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        var (id, lease, fetched) = (Column(nameof(Feed.Id)), Column(nameof(Feed.LeaseUntil)), Column(nameof(Feed.LastFetchedAt)));
        var free = $"{Column(nameof(Feed.IsActive))} AND ({lease} IS NULL OR {lease} < {{1}}) AND ({fetched} IS NULL OR {fetched} < {{2}})";
        var feeds = sql.DelimitIdentifier(table.Name, table.Schema);
        return $"UPDATE {feeds} SET {lease} = {{0}} WHERE {id} IN (SELECT {id} FROM {feeds} WHERE {id} > {{3}} AND {free} ORDER BY {id} LIMIT {{4}}) AND {free} RETURNING *";
    }
}
