namespace VirtPlanet.Web.Posts;

/// <summary>
/// One page of the river. <see cref="Older"/> is where "Older posts" starts (null on the last page);
/// <see cref="HasNewer"/> says whether "Newer posts" shows, and <see cref="Newer"/> where it starts (null: the first page).
/// </summary>
public sealed record RiverPage(IReadOnlyList<DayGroup> Days, RiverCursor? Older, bool HasNewer, RiverCursor? Newer)
{
    public static RiverPage Empty { get; } = new([], null, false, null);

    public bool IsEmpty => Days.Count == 0;
}
