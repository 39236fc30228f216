using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Syndication;

/// <summary>The newest visible posts of a filter, newest first, each with its feed; what the river outputs are written from.</summary>
public sealed record River(RiverFilter Filter, string Title, string? Subtitle, IReadOnlyList<Post> Posts);
