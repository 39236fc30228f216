using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Feeds;

/// <summary>A subscription: one RSS/Atom feed and the state of polling it.</summary>
public sealed class Feed
{
    public int Id { get; set; }

    /// <summary>The feed document's URL; updated by permanent redirects.</summary>
    public required string Url { get; set; }

    public string? SiteUrl { get; set; }

    /// <summary>The title the feed itself declares.</summary>
    public string? Title { get; set; }

    /// <summary>The name the planet shows, when the admin set one (OPML title, Planet "name").</summary>
    public string? DisplayName { get; set; }

    /// <summary>URL-safe, unique; the feed's river lives at <c>/feeds/{Slug}</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>A face (avatar image URL) shown beside the feed's heading.</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>Comma-separated categories; when set, only entries having one of them are kept.</summary>
    public string? CategoryFilter { get; set; }

    public string? ETag { get; set; }

    /// <summary>The Last-Modified header exactly as the server sent it.</summary>
    public string? LastModified { get; set; }

    /// <summary>SHA-256 of the last body fetched, to spot unchanged 200s from servers without validators.</summary>
    public string? BodyHash { get; set; }

    public DateTime? LastFetchedAt { get; set; }

    public DateTime? LastSuccessAt { get; set; }

    /// <summary>Human-readable reason of the last failure; null once a fetch succeeds.</summary>
    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTime NextFetchAt { get; set; }

    /// <summary>Set while a poll holds the feed, so overlapping runs never fetch it twice.</summary>
    public DateTime? LeaseUntil { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Why the feed was deactivated (410 Gone, the admin paused it, ...).</summary>
    public string? DeactivatedReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Post> Posts { get; set; } = [];

    public string Name => DisplayName ?? Title ?? Url;
}
