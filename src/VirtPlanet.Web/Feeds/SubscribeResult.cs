namespace VirtPlanet.Web.Feeds;

public enum SubscribeStatus
{
    Added,
    Duplicate,
    Invalid,
}

/// <summary>The outcome of subscribing to one URL: the feed added, the existing feed it duplicates, or why the URL was refused.</summary>
public sealed record SubscribeResult(SubscribeStatus Status, string Url, Feed? Feed = null, string? Error = null);
