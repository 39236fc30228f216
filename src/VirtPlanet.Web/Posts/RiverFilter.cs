namespace VirtPlanet.Web.Posts;

/// <summary>What a reader asked to see, as slugs from the URL: any of these feeds or authors; nothing means everything.</summary>
public sealed record RiverFilter(IReadOnlyList<string> Feeds, IReadOnlyList<string> Authors)
{
    public static RiverFilter All { get; } = new([], []);

    public bool IsEmpty => Feeds.Count == 0 && Authors.Count == 0;

    public static RiverFilter From(string[]? feeds, string[]? authors) => new(Clean(feeds), Clean(authors));

    private static string[] Clean(string[]? slugs) =>
        (slugs ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray();
}
