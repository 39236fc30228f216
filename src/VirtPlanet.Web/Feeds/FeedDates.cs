namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Reads the dates feeds really contain into UTC: RFC 822 and its broken variants, W3C-DTF / RFC 3339 /
/// ISO 8601, and a few localised forms. Unparseable or impossible dates are null, never an exception.
/// </summary>
public static class FeedDates
{
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        return IsoDates.ParseW3c(value)
            ?? Rfc822Dates.Parse(value)
            ?? Rfc822Dates.ParsePerforce(value)
            ?? LocalizedDates.Parse(value)
            ?? IsoDates.ParseIso8601(value);
    }

    /// <summary>Builds the UTC instant, or null when any part is out of range (Feb 30, 25 o'clock, year 10000).</summary>
    internal static DateTime? ToUtc(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60)
        {
            return null;
        }

        // A leap second is the last second of the minute.
        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        var utcTicks = local.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            ? null
            : new DateTime(utcTicks, DateTimeKind.Utc);
    }

    /// <summary>Two-digit years as RFC 5322 reads them: 00-49 are 20xx, 50-99 are 19xx.</summary>
    internal static int ExpandYear(string digits)
    {
        var year = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return digits.Length > 2 ? year : year < 50 ? 2000 + year : 1900 + year;
    }
}
