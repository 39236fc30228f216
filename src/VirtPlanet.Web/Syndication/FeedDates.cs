using System.Globalization;

namespace VirtPlanet.Web.Syndication;

/// <summary>Dates as the formats want them, always in UTC: RFC 3339 (Atom, RSS 1.0, JSON Feed) and RFC 822 (RSS 2.0).</summary>
public static class FeedDates
{
    public static string Rfc3339(DateTime utc) =>
        utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Rfc822(DateTime utc) =>
        utc.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
