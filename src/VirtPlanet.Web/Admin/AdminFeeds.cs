using Microsoft.EntityFrameworkCore;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Admin;

/// <summary>The admin's reads and edits of the subscription list; one short-lived context per operation.</summary>
public sealed class AdminFeeds(IDbContextFactory<PlanetDbContext> dbFactory, FeedSubscriptions subscriptions, TimeProvider time)
{
    public const string PausedReason = "Paused by the admin";

    public const string ArchivedReason = "Removed by the admin; its posts stay in the river";

    public async Task<IReadOnlyList<FeedRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db.Feeds.AsNoTracking()).ToListAsync(cancellationToken);
    }

    public async Task<FeedRow?> FindAsync(int feedId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db.Feeds.AsNoTracking().Where(f => f.Id == feedId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The subscribed feed any of these addresses denotes (http/https, "www.", a trailing slash aside), if any.</summary>
    public async Task<FeedRow?> FindDuplicateAsync(IEnumerable<Uri> urls, CancellationToken cancellationToken, int? except = null)
    {
        var keys = urls.Select(u => SameFeedKey(u.AbsoluteUri)).ToHashSet();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.Feeds.AsNoTracking().Where(f => f.Id != except).Select(f => new { f.Id, f.Url }).ToListAsync(cancellationToken);
        var match = known.FirstOrDefault(f => keys.Contains(SameFeedKey(f.Url)));
        return match is null ? null : await FindAsync(match.Id, cancellationToken);
    }

    public Task<SubscribeResult> AddAsync(Uri url, string? title, string? siteUrl, CancellationToken cancellationToken) =>
        subscriptions.AddAsync(new OpmlOutline(url.AbsoluteUri, title, siteUrl), cancellationToken);

    public async Task<FeedEditModel?> EditAsync(int feedId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Feeds.AsNoTracking().Where(f => f.Id == feedId).Select(f => new FeedEditModel
        {
            DisplayName = f.DisplayName,
            Slug = f.Slug,
            SiteUrl = f.SiteUrl,
            AvatarUrl = f.AvatarUrl,
            IsActive = f.IsActive,
            CategoryFilter = f.CategoryFilter,
        }).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves a validated form; returns why it cannot be saved (a slug another feed has), else null.</summary>
    public async Task<string?> SaveAsync(int feedId, FeedEditModel model, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Feeds.AnyAsync(f => f.Slug == model.Slug && f.Id != feedId, cancellationToken))
        {
            return $"Another feed already has the slug '{model.Slug}'.";
        }

        var feed = await db.Feeds.SingleAsync(f => f.Id == feedId, cancellationToken);
        feed.DisplayName = string.IsNullOrWhiteSpace(model.DisplayName) ? null : model.DisplayName.Trim();
        feed.Slug = model.Slug;
        feed.SiteUrl = Normalised(model.SiteUrl);
        feed.AvatarUrl = Normalised(model.AvatarUrl);
        feed.CategoryFilter = FeedEditModel.NormaliseCategories(model.CategoryFilter);
        SetActive(feed, model.IsActive, PausedReason);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Posts belong to their feed (the foreign key cascades), so keeping them means keeping the feed: it is
    /// deactivated and marked removed instead, and can still be deleted for good later.
    /// </summary>
    public async Task RemoveAsync(int feedId, bool removePosts, CancellationToken cancellationToken)
    {
        if (removePosts)
        {
            await subscriptions.RemoveAsync(feedId, cancellationToken);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(
            s => s.SetProperty(f => f.IsActive, false).SetProperty(f => f.DeactivatedReason, ArchivedReason), cancellationToken);
    }

    /// <summary>Points a feed at its new address (the one discovery found after a 404/410) and polls it again soon.</summary>
    public async Task<string?> MoveAsync(int feedId, Uri newUrl, CancellationToken cancellationToken)
    {
        if (await FindDuplicateAsync([newUrl], cancellationToken, except: feedId) is { } other)
        {
            return $"{newUrl} is already subscribed as '{other.Name}'.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feed = await db.Feeds.SingleAsync(f => f.Id == feedId, cancellationToken);
        feed.Url = newUrl.AbsoluteUri;
        feed.ETag = null;
        feed.LastModified = null;
        feed.BodyHash = null;
        feed.LastError = null;
        feed.ConsecutiveFailures = 0;
        feed.NextFetchAt = time.GetUtcNow().UtcDateTime;
        SetActive(feed, active: true, reason: null);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private void SetActive(Feed feed, bool active, string? reason)
    {
        if (active && !feed.IsActive)
        {
            feed.IsActive = true;
            feed.DeactivatedReason = null;
            feed.NextFetchAt = time.GetUtcNow().UtcDateTime;
        }
        else if (!active && feed.IsActive)
        {
            feed.IsActive = false;
            feed.DeactivatedReason = reason;
        }
    }

    private static string? Normalised(string? url) =>
        FeedSubscriptions.TryNormalise(url, out var normalised, out _) ? normalised : null;

    private static string SameFeedKey(string url)
    {
        var uri = new Uri(url);
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return $"{host.ToLowerInvariant()}:{(uri.IsDefaultPort ? 0 : uri.Port)}{uri.AbsolutePath.TrimEnd('/')}{uri.Query}";
    }

    private static IQueryable<FeedRow> Rows(IQueryable<Feed> feeds) => feeds.Select(f => new FeedRow
    {
        Id = f.Id,
        Name = f.DisplayName ?? f.Title ?? f.Url,
        Slug = f.Slug,
        Url = f.Url,
        SiteUrl = f.SiteUrl,
        IsActive = f.IsActive,
        DeactivatedReason = f.DeactivatedReason,
        LastFetchedAt = f.LastFetchedAt,
        LastSuccessAt = f.LastSuccessAt,
        LastError = f.LastError,
        ConsecutiveFailures = f.ConsecutiveFailures,
        NextFetchAt = f.NextFetchAt,
        CreatedAt = f.CreatedAt,
        Posts = f.Posts.Count(p => !p.IsHidden),
        NewestPost = f.Posts.Where(p => !p.IsHidden).Max(p => (DateTime?)p.PublishedAt),
    });
}
