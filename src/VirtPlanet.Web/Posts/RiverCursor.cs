using System.Globalization;

namespace VirtPlanet.Web.Posts;

/// <summary>
/// A keyset position in the river: posts strictly older than (PublishedAt, Id). Written into URLs as
/// <c>2017-08-08T18:04:00Z_123</c>, so a bookmarked page never shifts when new posts arrive.
/// </summary>
public sealed record RiverCursor(DateTime PublishedAt, long Id)
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override string ToString() =>
        $"{PublishedAt.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture)}_{Id.ToString(CultureInfo.InvariantCulture)}";

    public static RiverCursor? Parse(string? text)
    {
        var separator = text?.LastIndexOf('_') ?? -1;
        if (text is null || separator < 0
            || !DateTime.TryParseExact(text[..separator], DateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            || !long.TryParse(text[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return new RiverCursor(DateTime.SpecifyKind(date, DateTimeKind.Utc), id);
    }
}
