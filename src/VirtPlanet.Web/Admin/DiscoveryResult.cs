namespace VirtPlanet.Web.Admin;

public enum DiscoveryStatus
{
    /// <summary>The address is itself a feed: <see cref="DiscoveryResult.Candidates"/> holds just it.</summary>
    IsFeed,

    /// <summary>A web page whose feeds were found: the admin picks one.</summary>
    Found,

    /// <summary>A web page without any feed we could find.</summary>
    NoFeedFound,

    /// <summary>Not an http(s) address, or a document that claims to be a feed but cannot be read.</summary>
    Invalid,

    /// <summary>The server could not be reached or refused the request.</summary>
    Unreachable,
}

/// <summary>What <see cref="FeedDiscovery"/> found at an address. <see cref="Error"/> is a sentence for the admin.</summary>
public sealed record DiscoveryResult(DiscoveryStatus Status, IReadOnlyList<FeedCandidate> Candidates, string? Error = null)
{
    public static DiscoveryResult Failure(DiscoveryStatus status, string error) => new(status, [], error);
}
