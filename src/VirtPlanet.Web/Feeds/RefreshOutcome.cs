namespace VirtPlanet.Web.Feeds;

public enum RefreshStatus
{
    /// <summary>A 200 that was parsed and stored.</summary>
    Fetched,

    /// <summary>A 304, or a 200 whose body is byte for byte the last one.</summary>
    NotModified,

    Failed,

    /// <summary>Another run holds the feed; this run left it alone.</summary>
    Skipped,
}

/// <summary>What one feed's refresh did, for the poll summary and the admin's "poll now".</summary>
public sealed record RefreshOutcome(RefreshStatus Status, int NewPosts = 0, int UpdatedPosts = 0, string? Error = null);
