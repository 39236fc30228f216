using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Feeds;

/// <summary>Refreshes one feed: fetch, parse, store, and record how it went on the feed. Never throws for a bad feed.</summary>
public sealed class FeedRefresher(
    IDbContextFactory<PlanetDbContext> dbFactory,
    FeedLease lease,
    WriteQueue writes,
    FeedFetcher fetcher,
    FeedParser parser,
    PostWriter writer,
    ParsingLanes lanes,
    PollSchedule schedule,
    TimeProvider time,
    ILogger<FeedRefresher> logger)
{
    public Task<RefreshOutcome> RefreshAsync(int feedId, CancellationToken cancellationToken) =>
        RefreshAsync(feedId, unlessFetchedSince: null, cancellationToken);

    /// <summary>Skips the feed when it is being fetched, or was fetched at or after <paramref name="unlessFetchedSince"/>.</summary>
    public async Task<RefreshOutcome> RefreshAsync(int feedId, DateTime? unlessFetchedSince, CancellationToken cancellationToken)
    {
        if (!await lease.TryTakeAsync(feedId, unlessFetchedSince, cancellationToken))
        {
            return new RefreshOutcome(RefreshStatus.Skipped);
        }

        return await RefreshHeldAsync(feedId, db => db.Feeds.SingleAsync(f => f.Id == feedId, cancellationToken), cancellationToken);
    }

    /// <summary>Refreshes a feed this run has already leased, from the row the lease returned (<see cref="FeedLease.TakeBatchAsync"/>).</summary>
    public Task<RefreshOutcome> RefreshLeasedAsync(Feed leased, CancellationToken cancellationToken) =>
        RefreshHeldAsync(
            leased.Id,
            db =>
            {
                db.Feeds.Attach(leased);
                return Task.FromResult(leased);
            },
            cancellationToken);

    /// <summary>Refreshes a feed whose lease this run holds, the row tracked by <paramref name="track"/>; gives the lease back if it throws.</summary>
    private async Task<RefreshOutcome> RefreshHeldAsync(int feedId, Func<PlanetDbContext, Task<Feed>> track, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await RefreshAsync(db, await track(db), cancellationToken);
        }
        catch
        {
            // The normal path releases the lease in the same commit as the outcome.
            await lease.ReleaseAsync(feedId);
            throw;
        }
    }

    private async Task<RefreshOutcome> RefreshAsync(PlanetDbContext db, Feed feed, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var fetch = await FetchAsync(feed, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        feed.LastFetchedAt = now;

        var newPosts = new List<Post>();
        var outcome = fetch.Status switch
        {
            FetchStatus.NotModified => Succeeded(feed, fetch, now, ttl: null, RefreshStatus.NotModified),
            FetchStatus.Gone => Deactivated(feed, fetch),
            FetchStatus.Failed => Failed(feed, now, fetch.Error ?? "Fetch failed", fetch.RetryAfter),
            _ => await StoreAsync(db, feed, fetch, now, newPosts, cancellationToken),
        };

        feed.LeaseUntil = null;
        await SaveAsync(db, feed, newPosts, cancellationToken);

        var elapsedMs = (long)time.GetElapsedTime(started).TotalMilliseconds;
        if (outcome.Error is null)
        {
            logger.LogInformation(
                "Refreshed {FeedUrl}: {RefreshStatus} (HTTP {HttpStatus}), {NewPosts} new, {UpdatedPosts} updated in {ElapsedMs} ms",
                feed.Url, outcome.Status, fetch.HttpStatus, outcome.NewPosts, outcome.UpdatedPosts, elapsedMs);
        }
        else if (fetch.HttpStatus is null)
        {
            // No answer at all (DNS, refused, timed out): no status to show.
            logger.LogInformation("Refreshed {FeedUrl}: {RefreshStatus} in {ElapsedMs} ms: {FeedError}", feed.Url, outcome.Status, elapsedMs, outcome.Error);
        }
        else
        {
            logger.LogInformation(
                "Refreshed {FeedUrl}: {RefreshStatus} (HTTP {HttpStatus}) in {ElapsedMs} ms: {FeedError}",
                feed.Url, outcome.Status, fetch.HttpStatus, elapsedMs, outcome.Error);
        }

        return outcome;
    }

    /// <summary>
    /// Stores what the refresh changed through the write queue, committed with other feeds' writes. A change to the
    /// feed's row alone (a 304, an unchanged body, a failure) is saved with other feeds' rows; new or updated posts are
    /// stored with the row, all or nothing. The changes leave <paramref name="db"/> as rows and property names, because
    /// the queue writes them on its own context.
    /// </summary>
    private async Task SaveAsync(PlanetDbContext db, Feed feed, List<Post> newPosts, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is EntityState.Added or EntityState.Deleted))
        {
            throw new InvalidOperationException("A refresh only modifies rows; new posts go through PreparedWrites.");
        }

        var changed = entries
            .Where(e => e.Entity == feed || e.State == EntityState.Modified)
            .Select(e => (Row: e.Entity, Properties: e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList()))
            .ToList();
        db.ChangeTracker.Clear();
        if (newPosts.Count == 0 && changed.Count == 1)
        {
            await writes.SaveAsync(feed, changed[0].Properties, cancellationToken);
            return;
        }

        await writes.RunAtomicAsync(
            async (queueDb, token) =>
            {
                await PreparedWrites.InsertAsync(queueDb, newPosts, token);
                foreach (var (row, properties) in changed)
                {
                    await PreparedWrites.UpdateAsync(queueDb, row, properties, token);
                }

                // PostgreSQL's: there the rows above are tracked, and saved in one batch.
                await queueDb.SaveChangesAsync(token);
            },
            cancellationToken);
    }

    private async Task<FetchResult> FetchAsync(Feed feed, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url))
        {
            return new FetchResult { Status = FetchStatus.Failed, Error = $"'{feed.Url}' is not an absolute URL" };
        }

        try
        {
            return await fetcher.FetchAsync(new FetchRequest(url, feed.ETag, feed.LastModified), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The fetcher reports failures as data; anything escaping it is still this feed's problem only.
            return new FetchResult { Status = FetchStatus.Failed, Error = $"Fetch failed: {e.Message}" };
        }
    }

    /// <summary>Parses a new body: changed posts are updated on <paramref name="db"/>, new ones added to <paramref name="newPosts"/>.</summary>
    private async Task<RefreshOutcome> StoreAsync(
        PlanetDbContext db, Feed feed, FetchResult fetch, DateTime now, List<Post> newPosts, CancellationToken cancellationToken)
    {
        var body = fetch.Body ?? [];
        var bodyHash = Convert.ToHexString(SHA256.HashData(body));
        FollowPermanentRedirect(db, feed, fetch);
        if (bodyHash == feed.BodyHash && feed.LastSuccessAt is not null)
        {
            return Succeeded(feed, fetch, now, ttl: null, RefreshStatus.NotModified);
        }

        using var lane = await lanes.EnterAsync(cancellationToken);
        ParsedFeed parsed;
        try
        {
            parsed = parser.Parse(body, fetch.ContentType, fetch.FinalUrl ?? new Uri(feed.Url));
        }
        catch (FeedParseException e)
        {
            return Failed(feed, now, e.Message, retryAfter: null);
        }

        var isNewFeed = feed.LastSuccessAt is null;
        PostChanges changes;
        try
        {
            changes = await writer.WriteAsync(db, feed, parsed.Entries, isNewFeed, now, cancellationToken);
        }
        catch (CleaningTimeoutException e)
        {
            // Nothing of this fetch is stored: the posts it had begun to update are left as they were.
            foreach (var post in db.ChangeTracker.Entries<Post>().ToList())
            {
                post.State = EntityState.Detached;
            }

            return Failed(feed, now, $"{e.Message}; none of this fetch's posts were stored", retryAfter: null);
        }

        newPosts.AddRange(changes.New);
        feed.Title = parsed.Title ?? feed.Title;
        feed.SiteUrl ??= parsed.SiteUrl;
        feed.BodyHash = bodyHash;
        return Succeeded(feed, fetch, now, parsed.Ttl, RefreshStatus.Fetched) with { NewPosts = changes.Added, UpdatedPosts = changes.Updated };
    }

    private static void FollowPermanentRedirect(PlanetDbContext db, Feed feed, FetchResult fetch)
    {
        var moved = fetch.PermanentUrl?.AbsoluteUri;
        if (moved is null || moved == feed.Url)
        {
            return;
        }

        // Two subscriptions converging on one URL keep their own; the admin sees both.
        if (!db.Feeds.Any(f => f.Url == moved))
        {
            feed.Url = moved;
        }
    }

    private RefreshOutcome Succeeded(Feed feed, FetchResult fetch, DateTime now, TimeSpan? ttl, RefreshStatus status)
    {
        feed.LastSuccessAt = now;
        feed.LastError = null;
        feed.ConsecutiveFailures = 0;
        feed.ETag = fetch.ETag ?? feed.ETag;
        feed.LastModified = fetch.LastModified ?? feed.LastModified;
        feed.NextFetchAt = schedule.AfterSuccess(now, ttl, fetch.MaxAge, fetch.RetryAfter);
        return new RefreshOutcome(status);
    }

    private RefreshOutcome Failed(Feed feed, DateTime now, string error, TimeSpan? retryAfter)
    {
        feed.LastError = error;
        feed.ConsecutiveFailures++;
        feed.NextFetchAt = schedule.AfterFailure(now, feed.ConsecutiveFailures, retryAfter);
        return new RefreshOutcome(RefreshStatus.Failed, Error: error);
    }

    private static RefreshOutcome Deactivated(Feed feed, FetchResult fetch)
    {
        var reason = fetch.Error ?? "HTTP 410 Gone: the feed was removed by its site";
        feed.IsActive = false;
        feed.DeactivatedReason = reason;
        feed.LastError = reason;
        feed.ConsecutiveFailures++;
        return new RefreshOutcome(RefreshStatus.Failed, Error: reason);
    }
}
