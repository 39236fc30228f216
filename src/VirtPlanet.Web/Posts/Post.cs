using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Posts;

/// <summary>One entry of a feed, stored clean: the content is sanitized HTML, the title plain text.</summary>
public sealed class Post
{
    public long Id { get; set; }

    public int FeedId { get; set; }

    public Feed? Feed { get; set; }

    /// <summary>Stable identity within the feed: Atom id, RSS guid, else link, else a content hash.</summary>
    public required string EntryKey { get; set; }

    public required string Title { get; set; }

    /// <summary>Absolute link to the original post.</summary>
    public string? Link { get; set; }

    public required string Author { get; set; }

    /// <summary>Sanitized HTML: safe to render as markup.</summary>
    public string? ContentHtml { get; set; }

    /// <summary>Sanitized HTML summary, when the feed gave one apart from the content.</summary>
    public string? SummaryHtml { get; set; }

    /// <summary>The river's date: published, else updated, else first seen; never in the future.</summary>
    public DateTime PublishedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime FirstSeenAt { get; set; }

    /// <summary>
    /// Entries beyond the newest <see cref="PlanetOptions.NewFeedItems"/> of a newly added feed: remembered,
    /// so they never arrive later as new, but kept out of the river and the outputs.
    /// </summary>
    public bool IsHidden { get; set; }

    /// <summary>Hash of title, link, author and raw content, to spot edits without re-sanitizing.</summary>
    public required string ContentHash { get; set; }
}
