namespace VirtPlanet.Web.Posts;

/// <summary>
/// A person writing in one or more feeds; their river lives at <c>/authors/{Slug}</c>. <see cref="Names"/> holds
/// every spelling that shares the slug.
/// </summary>
public sealed record RiverAuthor(string Slug, string Name, IReadOnlyList<string> Names)
{
    public string RiverUrl => $"/authors/{Slug}";

    public static string UrlFor(string name) => $"/authors/{Feeds.Slug.From(name)}";
}
