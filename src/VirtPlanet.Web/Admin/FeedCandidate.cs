namespace VirtPlanet.Web.Admin;

/// <summary>A feed a page points to, with the title and type its link declares.</summary>
public sealed record FeedCandidate(Uri Url, string? Title, string? Type);
