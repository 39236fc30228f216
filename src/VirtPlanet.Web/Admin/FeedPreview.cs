namespace VirtPlanet.Web.Admin;

/// <summary>A feed as it would enter the planet: its title, format and newest entries, content already sanitized.</summary>
public sealed record FeedPreview(Uri Url, string Title, string Kind, string? SiteUrl, IReadOnlyList<PreviewEntry> Entries);

public sealed record PreviewEntry(string Title, string? Link, string Author, DateTime? Published, string? ContentHtml);

/// <summary>Either a preview or the sentence telling the admin why there is none.</summary>
public sealed record PreviewResult(FeedPreview? Preview, string? Error);
