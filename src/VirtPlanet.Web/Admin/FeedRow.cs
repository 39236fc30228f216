namespace VirtPlanet.Web.Admin;

public enum FeedHealth
{
    Failing,
    Deactivated,
    New,
    Ok,
}

/// <summary>One line of the admin's feed table: the feed's polling state and what it has stored.</summary>
public sealed record FeedRow
{
    public required int Id { get; init; }

    public required string Name { get; init; }

    public required string Slug { get; init; }

    public required string Url { get; init; }

    public string? SiteUrl { get; init; }

    public bool IsActive { get; init; }

    public string? DeactivatedReason { get; init; }

    public DateTime? LastFetchedAt { get; init; }

    public DateTime? LastSuccessAt { get; init; }

    public string? LastError { get; init; }

    public int ConsecutiveFailures { get; init; }

    public DateTime NextFetchAt { get; init; }

    public DateTime CreatedAt { get; init; }

    public int Posts { get; init; }

    public DateTime? NewestPost { get; init; }

    public FeedHealth Health =>
        !IsActive ? FeedHealth.Deactivated : LastError is not null ? FeedHealth.Failing : LastSuccessAt is null ? FeedHealth.New : FeedHealth.Ok;

    /// <summary>No failure date is stored: a failing feed has been failing since just after its last success (or since it was added).</summary>
    public DateTime FailingSince => LastSuccessAt ?? CreatedAt;
}
