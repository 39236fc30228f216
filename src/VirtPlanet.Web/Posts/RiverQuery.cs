using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Posts;

/// <summary>
/// The dated river: visible posts of the selection, newest first, keyset-paged on (PublishedAt, Id), each post
/// once even when two feeds carry it (same link or entry id: the feed that saw it first keeps it).
/// </summary>
public sealed class RiverQuery(IDbContextFactory<PlanetDbContext> dbFactory, IOptions<RiverOptions> options, PlanetTimeZone timeZone)
{
    public async Task<RiverPage> PageAsync(RiverSelection selection, RiverCursor? before, CancellationToken cancellationToken = default)
    {
        var size = options.Value.PostsPerPage;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var river = River(db, selection);

        var older = before is null ? river : river.Where(p => p.PublishedAt < before.PublishedAt || (p.PublishedAt == before.PublishedAt && p.Id < before.Id));
        var rows = await older.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Take(size + 1)
            .Select(p => new
            {
                p.Id,
                Feed = new RiverFeed(p.FeedId, p.Feed!.Slug, p.Feed.DisplayName ?? p.Feed.Title ?? p.Feed.Url, p.Feed.Url, p.Feed.SiteUrl, p.Feed.AvatarUrl, p.Feed.LastError),
                p.Title,
                p.Link,
                p.Author,
                p.ContentHtml,
                p.PublishedAt,
            })
            .ToListAsync(cancellationToken);
        var posts = rows.Select(r => new RiverPost(r.Id, r.Feed, r.Title, r.Link, r.Author, r.ContentHtml, timeZone.ToLocal(r.PublishedAt))).ToList();
        var shown = LimitDays(posts.Take(size).ToList(), options.Value.DaysPerPage);
        var hasOlder = posts.Count > shown.Count;

        var (hasNewer, newer) = shown.Count == 0 || before is null ? (false, null) : await NewerAsync(river, shown[0].Cursor, size, cancellationToken);
        return new RiverPage(DayGrouping.Group(shown), hasOlder ? shown[^1].Cursor : null, hasNewer, newer);
    }

    private static IQueryable<Post> River(PlanetDbContext db, RiverSelection selection)
    {
        var feedIds = selection.Feeds.Select(f => f.Id).ToList();
        var authors = selection.Authors.SelectMany(a => a.Names).ToList();
        var visible = db.Posts.AsNoTracking().Where(p => !p.IsHidden);
        if (!selection.IsAll)
        {
            visible = visible.Where(p => feedIds.Contains(p.FeedId) || authors.Contains(p.Author));
        }

        // Duplicates are judged within the selection, so a feed's own river still shows all of its posts.
        // One lookup per identity rather than one with "link or entry id": with the OR, SQLite searched the
        // author's index and read every post of that person for each row shown (40 ms for 900 posts); apart,
        // each lookup is a search of IX_Posts_Link or IX_Posts_EntryKey.
        return visible.Where(p =>
            !visible.Any(q => q.Id != p.Id && p.Link != null && q.Link == p.Link
                && (q.FirstSeenAt < p.FirstSeenAt || (q.FirstSeenAt == p.FirstSeenAt && q.Id < p.Id)))
            && !visible.Any(q => q.Id != p.Id && q.EntryKey == p.EntryKey
                && (q.FirstSeenAt < p.FirstSeenAt || (q.FirstSeenAt == p.FirstSeenAt && q.Id < p.Id))));
    }

    /// <summary>Where "Newer posts" starts: the post just above the previous page, or the first page when that is all there is.</summary>
    private static async Task<(bool HasNewer, RiverCursor? Newer)> NewerAsync(IQueryable<Post> river, RiverCursor first, int size, CancellationToken cancellationToken)
    {
        var above = await river.Where(p => p.PublishedAt > first.PublishedAt || (p.PublishedAt == first.PublishedAt && p.Id > first.Id))
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)
            .Take(size + 1)
            .Select(p => new { p.PublishedAt, p.Id })
            .ToListAsync(cancellationToken);
        return above.Count switch
        {
            0 => (false, null),
            _ when above.Count <= size => (true, null),
            _ => (true, new RiverCursor(above[size].PublishedAt, above[size].Id)),
        };
    }

    /// <summary>Planet's days_per_page: stop after that many local days.</summary>
    private static List<RiverPost> LimitDays(List<RiverPost> posts, int days)
    {
        if (days <= 0)
        {
            return posts;
        }

        var kept = posts.Select(p => DateOnly.FromDateTime(p.Published.DateTime)).Distinct().Take(days).ToHashSet();
        return posts.TakeWhile(p => kept.Contains(DateOnly.FromDateTime(p.Published.DateTime))).ToList();
    }
}
