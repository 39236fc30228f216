using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Syndication;

/// <summary>What the outputs read from the database: the planet's version, the river of a filter, the subscription list.</summary>
public sealed class SyndicationSource(
    IDbContextFactory<PlanetDbContext> dbFactory, IOptions<SyndicationOptions> options, IOptions<PlanetOptions> planet, DatabaseChanges changes,
    PostTotalsSource totals)
{
    // Recomputed only after a commit, not on every request.
    private readonly Memo<PlanetVersion> version = new(changes);

    /// <summary>The posts' totals (shared with the reading pages' ETag) and the (small) feed table: no post row is read.</summary>
    public Task<PlanetVersion> GetVersionAsync(CancellationToken cancellationToken) => version.GetAsync(ComputeVersionAsync, cancellationToken);

    private async Task<PlanetVersion> ComputeVersionAsync(CancellationToken cancellationToken)
    {
        var posts = await totals.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new PlanetVersion(
            posts.LastPostId,
            posts.VisiblePosts,
            await db.Feeds.CountAsync(cancellationToken),
            await db.Feeds.MaxAsync(f => (DateTime?)f.CreatedAt, cancellationToken),
            await db.Feeds.MaxAsync(f => f.LastSuccessAt, cancellationToken));
    }

    /// <summary>Every subscribed feed, active or not.</summary>
    public async Task<List<Feed>> LoadFeedsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The newest visible posts of the filter; null when the filter names no feed or author the planet knows.</summary>
    public async Task<River?> LoadRiverAsync(RiverFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.Posts.AsNoTracking().Include(p => p.Feed).Where(p => !p.IsHidden);
        switch (filter.Scope)
        {
            case RiverScope.Feed:
                var feed = await db.Feeds.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == filter.Slug, cancellationToken);
                return feed is null ? null : new River(
                    filter, feed.Name, $"{feed.Name} on {planet.Value.Title}", await NewestAsync(visible.Where(p => p.FeedId == feed.Id), cancellationToken));

            case RiverScope.Author:
                var authors = await AuthorsWithSlugAsync(db, filter.Slug!, cancellationToken);
                var posts = await NewestAsync(visible.Where(p => authors.Contains(p.Author)), cancellationToken);
                return posts.Count == 0 ? null : new River(filter, posts[0].Author, $"{posts[0].Author} on {planet.Value.Title}", posts);

            default:
                return new River(filter, planet.Value.Title, planet.Value.Subtitle, await NewestAsync(visible, cancellationToken));
        }
    }

    private Task<List<Post>> NewestAsync(IQueryable<Post> posts, CancellationToken cancellationToken) =>
        posts.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(options.Value.MaxPosts).ToListAsync(cancellationToken);

    /// <summary>Every spelling of an author that has the slug ("Cédric" and "Cedric" alike); read from the author index alone.</summary>
    private static async Task<List<string>> AuthorsWithSlugAsync(PlanetDbContext db, string slug, CancellationToken cancellationToken)
    {
        var authors = await db.Posts.Select(p => p.Author).Distinct().ToListAsync(cancellationToken);
        // Cleaned first: Slug.From throws on an unpaired surrogate, and one bad name must not take every author's feed down.
        return authors.Where(a => Slug.From(XmlChars.ForOutput(a)) == slug).ToList();
    }
}
