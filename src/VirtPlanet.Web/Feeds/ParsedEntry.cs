namespace VirtPlanet.Web.Feeds;

/// <summary>
/// One entry, normalised: a stable key, a plain-text title, an absolute link, an author name without
/// e-mail, UTC dates. Content and summary are the feed's raw HTML, to be sanitized against <see cref="BaseUri"/>.
/// </summary>
public sealed record ParsedEntry
{
    /// <summary>What identifies the entry within its feed; see <see cref="EntryKeys"/>.</summary>
    public required string Key { get; init; }

    /// <summary>The id (Atom) or guid (RSS) as the feed wrote it, if any.</summary>
    public string? Id { get; init; }

    public required string Title { get; init; }

    public string? Link { get; init; }

    public required string Author { get; init; }

    public string? ContentHtml { get; init; }

    public string? SummaryHtml { get; init; }

    public DateTime? Published { get; init; }

    public DateTime? Updated { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>What relative URLs in the content resolve against: xml:base, else the entry's link, else the feed's.</summary>
    public Uri? BaseUri { get; init; }
}
