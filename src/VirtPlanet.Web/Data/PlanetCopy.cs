using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Copies one planet database into another, idempotently: feeds are matched by URL and posts by (feed, entry key),
/// new ones added with ids of the target's own, known ones brought up to date. A second copy changes nothing.
/// </summary>
public sealed class PlanetCopy(PlanetDbContext source, PlanetDbContext target)
{
    private const int Batch = 1000;

    public async Task<PlanetCopyResult> CopyAsync(CancellationToken cancellationToken)
    {
        var result = new PlanetCopyResult();
        var feeds = await source.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var known = await target.Feeds.ToDictionaryAsync(f => f.Url, cancellationToken);
        var copied = new List<(int SourceId, Feed Target)>();
        foreach (var feed in feeds)
        {
            var isNew = !known.TryGetValue(feed.Url, out var stored);
            stored ??= target.Feeds.Add(new Feed { Url = feed.Url, Slug = feed.Slug }).Entity;
            // A lease is a running poll's, never the copy's.
            var changed = CopyValues(target.Entry(stored), feed, (nameof(Feed.LeaseUntil), null));
            result.Count("feed", isNew, changed);
            copied.Add((feed.Id, stored));
        }

        await target.SaveChangesAsync(cancellationToken);
        foreach (var (sourceId, stored) in copied)
        {
            await CopyPostsAsync(sourceId, stored.Id, result, cancellationToken);
        }

        target.ChangeTracker.Clear();
        return result;
    }

    private async Task CopyPostsAsync(int sourceFeedId, int targetFeedId, PlanetCopyResult result, CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var posts = await source.Posts.AsNoTracking().Where(p => p.FeedId == sourceFeedId && p.Id > after)
                .OrderBy(p => p.Id).Take(Batch).ToListAsync(cancellationToken);
            if (posts.Count == 0)
            {
                return;
            }

            var keys = posts.Select(p => p.EntryKey).ToList();
            var known = await target.Posts.Where(p => p.FeedId == targetFeedId && keys.Contains(p.EntryKey))
                .ToDictionaryAsync(p => p.EntryKey, cancellationToken);
            foreach (var post in posts)
            {
                var isNew = !known.TryGetValue(post.EntryKey, out var stored);
                stored ??= target.Posts.Add(new Post { EntryKey = post.EntryKey, Title = post.Title, Author = post.Author, ContentHash = post.ContentHash }).Entity;
                var changed = CopyValues(target.Entry(stored), post, (nameof(Post.FeedId), targetFeedId));
                result.Count("post", isNew, changed);
            }

            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
            after = posts[^1].Id;
        }
    }

    /// <summary>Every mapped column but the key, so a column added to the model later is copied too; true when one changed.</summary>
    private static bool CopyValues(EntityEntry entry, object from, params (string Name, object? Value)[] overrides)
    {
        var changed = false;
        foreach (var property in entry.Metadata.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null))
        {
            var value = overrides.Any(o => o.Name == property.Name)
                ? overrides.First(o => o.Name == property.Name).Value
                : Microseconds(property.PropertyInfo!.GetValue(from));
            var current = entry.Property(property.Name);
            if (!Equals(current.CurrentValue, value))
            {
                current.CurrentValue = value;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>PostgreSQL keeps microseconds; SQLite's text keeps ticks. Truncating makes a second copy see equal values.</summary>
    private static object? Microseconds(object? value) =>
        value is DateTime date ? new DateTime(date.Ticks - (date.Ticks % 10), DateTimeKind.Utc) : value;
}
