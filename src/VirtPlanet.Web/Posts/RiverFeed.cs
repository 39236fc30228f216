namespace VirtPlanet.Web.Posts;

/// <summary>What the pages show of a subscription: sidebar entry, feed heading, filter choice.</summary>
public sealed record RiverFeed(int Id, string Slug, string Name, string Url, string? SiteUrl, string? AvatarUrl, string? LastError)
{
    public string RiverUrl => $"/feeds/{Slug}";

    public bool IsFailing => LastError is not null;
}
