using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtPlanet.Web.Feeds;

/// <summary>W3C-DTF (the Atom and dc:date profile of ISO 8601), RFC 3339, and the older ISO 8601 short forms.</summary>
public static partial class IsoDates
{
    /// <summary>
    /// <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>, then a time after <c>T</c> or a space, optional seconds and
    /// fraction, and a zone (<c>Z</c>, <c>±hh:mm</c>, <c>±hhmm</c>, <c>±hh</c>; none means UTC). Also the basic
    /// format <c>YYYYMMDDThhmmssZ</c>. A three-digit month (<c>2003-012-31</c>, seen from Google) is forgiven.
    /// </summary>
    public static DateTime? ParseW3c(string text)
    {
        var value = text.Trim();
        var match = Extended().Match(value);
        if (!match.Success)
        {
            match = Basic().Match(value);
        }

        return match.Success ? FromMatch(match) : null;
    }

    /// <summary>W3C-DTF plus ISO 8601's two-digit-year forms: <c>031231</c>, <c>03-12-31</c>, <c>-0312</c>, <c>-03-12</c>, <c>03335</c>.</summary>
    public static DateTime? ParseIso8601(string text)
    {
        var value = text.Trim();
        if (ParseW3c(value) is { } full)
        {
            return full;
        }

        if (ShortDate().Match(value) is { Success: true } date)
        {
            var month = date.Groups["month"].Success ? Number(date.Groups["month"]) : 1;
            var day = date.Groups["day"].Success ? Number(date.Groups["day"]) : 1;
            return FeedDates.ToUtc(FeedDates.ExpandYear(date.Groups["year"].Value), month, day, 0, 0, 0, TimeSpan.Zero);
        }

        if (Ordinal().Match(value) is { Success: true } ordinal)
        {
            var year = FeedDates.ExpandYear(ordinal.Groups["year"].Value);
            var dayOfYear = Number(ordinal.Groups["day"]);
            var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
            return dayOfYear is < 1 || dayOfYear > daysInYear
                ? null
                : new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(dayOfYear - 1);
        }

        return null;
    }

    private static DateTime? FromMatch(Match match)
    {
        var offset = Offset(match.Groups["zone"].Value);
        if (offset is null)
        {
            return null;
        }

        return FeedDates.ToUtc(
            Number(match.Groups["year"]),
            match.Groups["month"].Success ? Number(match.Groups["month"]) : 1,
            match.Groups["day"].Success ? Number(match.Groups["day"]) : 1,
            match.Groups["hour"].Success ? Number(match.Groups["hour"]) : 0,
            match.Groups["minute"].Success ? Number(match.Groups["minute"]) : 0,
            match.Groups["second"].Success ? Number(match.Groups["second"]) : 0,
            offset.Value);
    }

    /// <summary>Empty or Z is UTC; <c>±hh[:]mm</c> or <c>±hh</c>; minutes past 59 are not a zone.</summary>
    internal static TimeSpan? Offset(ReadOnlySpan<char> zone)
    {
        if (zone.IsEmpty || zone is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        Span<int> digits = stackalloc int[4];
        var count = 0;
        foreach (var c in zone[1..])
        {
            if (c == ':')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == digits.Length)
            {
                return null;
            }

            digits[count++] = c - '0';
        }

        if (count is not (2 or 4))
        {
            return null;
        }

        var hours = (digits[0] * 10) + digits[1];
        var minutes = count == 4 ? (digits[2] * 10) + digits[3] : 0;
        if (hours > 23 || minutes > 59)
        {
            return null;
        }

        var span = new TimeSpan(hours, minutes, 0);
        return zone[0] == '-' ? -span : span;
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})(?:-0?(?<month>\d{2})(?:-(?<day>\d{2})(?:[T ](?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,]\d+)?)?\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Extended();

    [GeneratedRegex(@"^(?<year>\d{4})(?<month>\d{2})(?<day>\d{2})(?:T(?<hour>\d{2})(?<minute>\d{2})(?<second>\d{2})?(?:[.,]\d+)?(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Basic();

    [GeneratedRegex(@"^(?:(?<year>\d{2})-?(?<month>\d{2})-?(?<day>\d{2})|-(?<year>\d{2})-?(?<month>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortDate();

    [GeneratedRegex(@"^(?<year>\d{2})-?(?<day>\d{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();
}
