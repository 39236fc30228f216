namespace VirtPlanet.Web.Feeds;

/// <summary>What the fetcher needs to know about a feed: where it is and the validators of the last fetch.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null);
