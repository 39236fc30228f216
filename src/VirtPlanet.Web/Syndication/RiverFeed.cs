using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Syndication;

/// <summary>A <see cref="River"/> placed on the planet: its addresses, dates and the ids of its entries, as every writer needs them.</summary>
public sealed class RiverFeed(River river, Uri planet, Uri self, DateTime emptyUpdated)
{
    private readonly Dictionary<int, DateTime> sourceUpdated =
        river.Posts.GroupBy(p => p.FeedId).ToDictionary(g => g.Key, g => g.Max(UpdatedOf));

    public static string Generator => "VirtPlanet";

    public static string GeneratorVersion { get; } = typeof(RiverFeed).Assembly.GetName().Version?.ToString(3) ?? "0";

    public Uri Planet => planet;

    public Uri Self => self;

    public Uri Alternate { get; } = new(planet, river.Filter.PagePath);

    public string Id => Alternate.AbsoluteUri;

    public string Title => river.Title;

    public string? Subtitle => river.Subtitle;

    public IReadOnlyList<Post> Posts => river.Posts;

    /// <summary>The newest change among the entries, so the same posts always give the same document.</summary>
    public DateTime Updated { get; } = river.Posts.Count == 0 ? emptyUpdated : river.Posts.Max(UpdatedOf);

    public string IdOf(Post post) => EntryId.For(post, planet);

    /// <summary>The newest change among a source feed's entries here: what <c>atom:source/atom:updated</c> can honestly claim.</summary>
    public DateTime SourceUpdatedOf(int feedId) => sourceUpdated[feedId];

    public static DateTime UpdatedOf(Post post) =>
        post.UpdatedAt is { } updated && updated > post.PublishedAt ? updated : post.PublishedAt;

    public static string AuthorOf(Post post) =>
        string.IsNullOrWhiteSpace(post.Author) ? post.Feed?.Name ?? "Unknown" : post.Author;
}
