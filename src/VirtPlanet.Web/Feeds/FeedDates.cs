namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Reads the dates feeds really contain into UTC: RFC 822 and its broken variants, W3C-DTF / RFC 3339 /
/// ISO 8601, and a few localised forms. Unparseable or impossible dates are null, never an exception.
/// </summary>
public static class FeedDates
{
    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The English weekdays that are no month's name in any language the general parser knows (it would read those as months).</summary>
    private static readonly string[] Weekdays = [.. new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" }.Where(day => MonthNames.Find(day) is null)];

    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        return ParseCanonical(value) ?? ParseAnyForm(value);
    }

    /// <summary>Every form this class reads, each parser in turn; <paramref name="value"/> is trimmed.</summary>
    internal static DateTime? ParseAnyForm(string value) =>
        IsoDates.ParseW3c(value)
            ?? Rfc822Dates.Parse(value)
            ?? Rfc822Dates.ParsePerforce(value)
            ?? LocalizedDates.Parse(value)
            ?? IsoDates.ParseIso8601(value);

    /// <summary>
    /// The two forms nearly every entry's dates take, read by position: RFC 3339 as Atom writes it
    /// (<c>2024-05-16T14:49:00Z</c>, <c>2016-06-27T07:36:54.007-07:00</c>) and RFC 822 as RSS writes it
    /// (<c>Thu, 16 May 2024 14:49:00 +0000</c>, or <c>GMT</c>). Null for anything else, and for these forms with a value
    /// out of range: the general parsers then read it, as they read these forms to the same instant. Those are regular
    /// expressions and token lists, ≈ 2 µs a date: a twentieth of a cold poll's parsing (docs/performance.md, round 42).
    /// </summary>
    internal static DateTime? ParseCanonical(ReadOnlySpan<char> value) =>
        value.Length >= 20 && value[4] == '-' ? Rfc3339(value)
            : value.Length >= 28 && value[3] == ',' ? Rfc822(value)
            : null;

    private static DateTime? Rfc3339(ReadOnlySpan<char> value)
    {
        if (!Digits(value, 0, 4, out var year) || !Digits(value, 5, 2, out var month) || value[7] != '-' || !Digits(value, 8, 2, out var day)
            || value[10] != 'T' || !Digits(value, 11, 2, out var hour) || value[13] != ':' || !Digits(value, 14, 2, out var minute)
            || value[16] != ':' || !Digits(value, 17, 2, out var second))
        {
            return null;
        }

        var zone = value[19..];
        if (zone[0] == '.')
        {
            // A fraction of a second, dropped as the general parser drops it.
            var digits = zone[1..].IndexOfAnyExceptInRange('0', '9');
            if (digits <= 0)
            {
                return null;
            }

            zone = zone[(digits + 1)..];
        }

        var offset = zone is "Z" || (zone.Length == 6 && zone[0] is ('+' or '-') && zone[3] == ':') ? IsoDates.Offset(zone) : null;
        return offset is { } utcOffset ? ToUtc(year, month, day, hour, minute, second, utcOffset) : null;
    }

    private static DateTime? Rfc822(ReadOnlySpan<char> value)
    {
        // "Thu, 16 May 2024 14:49:00 +0000": the weekday is never trusted, only recognised; a one-digit day is common.
        if (IndexOf(Weekdays, value[..3]) < 0 || value[4] != ' ')
        {
            return null;
        }

        var rest = value[5..];
        var dayLength = rest.Length > 1 && rest[1] == ' ' ? 1 : 2;
        if (!Digits(rest, 0, dayLength, out var day) || rest[dayLength] != ' ')
        {
            return null;
        }

        rest = rest[(dayLength + 1)..];
        if (rest.Length < 21 || rest[3] != ' ' || IndexOf(EnglishMonths, rest[..3]) is not (>= 0 and var monthIndex)
            || !Digits(rest, 4, 4, out var year) || rest[8] != ' ' || !Digits(rest, 9, 2, out var hour) || rest[11] != ':'
            || !Digits(rest, 12, 2, out var minute) || rest[14] != ':' || !Digits(rest, 15, 2, out var second) || rest[17] != ' ')
        {
            return null;
        }

        var zone = rest[18..];
        var offset = zone is "GMT" ? TimeSpan.Zero
            : zone.Length == 5 && zone[0] is ('+' or '-') ? IsoDates.Offset(zone)
            : null;
        return offset is { } utcOffset ? ToUtc(year, monthIndex + 1, day, hour, minute, second, utcOffset) : null;
    }

    private static int IndexOf(string[] names, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The number written by the ASCII digits at <paramref name="start"/>, exactly <paramref name="count"/> of them.</summary>
    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int number)
    {
        number = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        foreach (var c in text.Slice(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
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
