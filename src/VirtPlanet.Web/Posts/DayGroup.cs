namespace VirtPlanet.Web.Posts;

/// <summary>One day of the river, in the planet's time zone, newest feed group first.</summary>
public sealed record DayGroup(DateOnly Day, IReadOnlyList<FeedGroup> Feeds);
