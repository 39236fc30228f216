namespace VirtPlanet.Web.Posts;

/// <summary>A <see cref="RiverFilter"/> resolved: the feeds and people it stands for; empty lists mean everything.</summary>
public sealed record RiverSelection(IReadOnlyList<RiverFeed> Feeds, IReadOnlyList<RiverAuthor> Authors)
{
    public static RiverSelection All { get; } = new([], []);

    public bool IsAll => Feeds.Count == 0 && Authors.Count == 0;

    /// <summary>The selection the filter names, or null when it names a feed or person the planet does not know.</summary>
    public static RiverSelection? Resolve(RiverFilter filter, IReadOnlyList<RiverFeed> feeds, IReadOnlyList<RiverAuthor> authors)
    {
        var selection = new RiverSelection(
            feeds.Where(f => filter.Feeds.Contains(f.Slug)).ToList(),
            authors.Where(a => filter.Authors.Contains(a.Slug)).ToList());
        return selection.Feeds.Count == filter.Feeds.Count && selection.Authors.Count == filter.Authors.Count ? selection : null;
    }
}
