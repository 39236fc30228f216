namespace VirtPlanet.Web.Feeds;

/// <summary>What an entry falls back to from its feed: the feed's URL, site link, author and title.</summary>
public sealed record FeedContext(Uri FeedUrl, string? SiteUrl, string? Author, string? Title)
{
    public string FallbackAuthor => Author ?? (string.IsNullOrEmpty(Title) ? FeedUrl.Host : Title);

    public Uri BaseUri => SiteUrl is not null && Uri.TryCreate(SiteUrl, UriKind.Absolute, out var site) ? site : FeedUrl;
}
