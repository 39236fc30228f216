namespace VirtPlanet.Web.Posts;

/// <summary>One post as the river shows it; <see cref="Published"/> is in the planet's time zone.</summary>
public sealed record RiverPost(
    long Id,
    RiverFeed Feed,
    string Title,
    string? Link,
    string Author,
    string? ContentHtml,
    DateTimeOffset Published)
{
    public RiverCursor Cursor => new(Published.UtcDateTime, Id);
}
