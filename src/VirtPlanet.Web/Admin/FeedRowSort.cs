namespace VirtPlanet.Web.Admin;

/// <summary>The feed table's sort keys (as they appear in the page's query string) and their orderings.</summary>
public static class FeedRowSort
{
    public const string Default = "status";

    public static readonly IReadOnlyDictionary<string, Func<FeedRow, IComparable?>> Keys = new Dictionary<string, Func<FeedRow, IComparable?>>
    {
        ["name"] = r => r.Name.ToUpperInvariant(),
        ["status"] = r => r.Health,
        ["last-fetch"] = r => r.LastFetchedAt,
        ["last-success"] = r => r.LastSuccessAt,
        ["failures"] = r => r.ConsecutiveFailures,
        ["next-fetch"] = r => r.NextFetchAt,
        ["posts"] = r => r.Posts,
        ["newest"] = r => r.NewestPost,
    };

    /// <summary>Sorted by the key (unknown keys mean <see cref="Default"/>), ties broken by name.</summary>
    public static IReadOnlyList<FeedRow> Apply(IEnumerable<FeedRow> rows, string? sort, bool descending)
    {
        var key = Keys.GetValueOrDefault(sort ?? Default) ?? Keys[Default];
        var ordered = descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        return ordered.ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
