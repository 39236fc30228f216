namespace VirtPlanet.Web.Posts;

/// <summary>Consecutive posts of one feed on one day, shown under one feed heading.</summary>
public sealed record FeedGroup(RiverFeed Feed, IReadOnlyList<RiverPost> Posts);
