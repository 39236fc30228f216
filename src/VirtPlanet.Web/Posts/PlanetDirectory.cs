using Microsoft.EntityFrameworkCore;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Posts;

/// <summary>Who is on the planet: the subscriptions, the people writing, and when it last heard from them.</summary>
public sealed class PlanetDirectory(IDbContextFactory<PlanetDbContext> dbFactory, PlanetTimeZone timeZone, DatabaseChanges changes)
{
    // Every river page shows both lists; they are read again only after a commit, not on every page view.
    private readonly Memo<IReadOnlyList<RiverFeed>> feeds = new(changes);
    private readonly Memo<IReadOnlyList<RiverAuthor>> authors = new(changes);

    public Task<IReadOnlyList<RiverFeed>> FeedsAsync(CancellationToken cancellationToken = default) => feeds.GetAsync(LoadFeedsAsync, cancellationToken);

    /// <summary>Everyone with a visible post, one entry per slug.</summary>
    public Task<IReadOnlyList<RiverAuthor>> AuthorsAsync(CancellationToken cancellationToken = default) => authors.GetAsync(LoadAuthorsAsync, cancellationToken);

    private async Task<IReadOnlyList<RiverFeed>> LoadFeedsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feeds = await db.Feeds.AsNoTracking()
            .Select(f => new RiverFeed(f.Id, f.Slug, f.DisplayName ?? f.Title ?? f.Url, f.Url, f.SiteUrl, f.AvatarUrl, f.LastError))
            .ToListAsync(cancellationToken);
        return feeds.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private async Task<IReadOnlyList<RiverAuthor>> LoadAuthorsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.Posts.AsNoTracking().Where(p => !p.IsHidden && p.Author != "")
            .Select(p => p.Author).Distinct().ToListAsync(cancellationToken);
        return names.GroupBy(Slug.From)
            .Select(g => new RiverAuthor(g.Key, g.Order(StringComparer.Ordinal).First(), g.ToList()))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>The last successful poll of any feed, in the planet's time zone.</summary>
    public async Task<DateTimeOffset?> LastUpdatedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.Feeds.AsNoTracking().MaxAsync(f => f.LastSuccessAt, cancellationToken);
        return last is { } utc ? timeZone.ToLocal(utc) : null;
    }
}
