namespace VirtPlanet.Web.Feeds;

/// <summary>A feed document read into plain values; nothing here is sanitized yet.</summary>
public sealed record ParsedFeed(
    string? Title,
    string? SiteUrl,
    TimeSpan? Ttl,
    IReadOnlyList<ParsedEntry> Entries);
