namespace VirtPlanet.Web.Syndication;

/// <summary>The posts an output is about; <see cref="Slug"/> names the feed or the author.</summary>
public sealed record RiverFilter(RiverScope Scope, string? Slug = null)
{
    public static RiverFilter Planet { get; } = new(RiverScope.Planet);

    /// <summary>The river page this output belongs to, relative to the planet's link.</summary>
    public string PagePath => Scope switch
    {
        RiverScope.Feed => $"feeds/{Slug}",
        RiverScope.Author => $"authors/{Slug}",
        _ => string.Empty,
    };
}
