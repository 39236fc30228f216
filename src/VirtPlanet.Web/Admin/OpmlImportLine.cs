using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Admin;

/// <summary>One outline of an uploaded OPML and what importing it would do; <see cref="Existing"/> names the feed it duplicates.</summary>
public sealed record OpmlImportLine(OpmlOutline Outline, SubscribeStatus Status, string? Detail = null, FeedRow? Existing = null);
