namespace VirtPlanet.Web.Syndication;

/// <summary>
/// A cheap fingerprint of everything the outputs are made from. A poll that stores a new or changed post saves
/// it in the same transaction as the feed's <c>LastSuccessAt</c>, so the fingerprint moves with every such change;
/// every instance reading the same database computes the same value.
/// </summary>
public sealed record PlanetVersion(long LastPostId, int VisiblePosts, int FeedCount, DateTime? LastFeedAddedAt, DateTime? LastPollAt)
{
    /// <summary>When the subscription list or its feeds last changed, as far as the fingerprint can tell.</summary>
    public DateTime ChangedAt => new[] { LastFeedAddedAt, LastPollAt }.Max() ?? DateTime.UnixEpoch;
}
