using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// RFC 822 / RFC 5322 dates as feeds write them: optional or wrong weekday, stray commas and spaces, one-digit
/// days, long or localised month names, two-digit years, missing seconds or time, <c>1500</c> for 15:00,
/// named zones (EST, MEST, Etc/GMT, GMT-01:01) and military letters; also asctime and JavaScript's
/// <c>Thu Aug 30 2012 17:26:16 +0200</c>.
/// </summary>
public static partial class Rfc822Dates
{
    public static DateTime? Parse(string text)
    {
        var tokens = text.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length > 0 && tokens[0].All(char.IsLetter) && MonthNames.Find(tokens[0]) is null)
        {
            tokens = tokens[1..]; // the weekday: never trusted, often wrong
        }

        if (tokens.Length < 3)
        {
            return null;
        }

        return MonthNames.Find(tokens[0]) is { } month
            ? MonthFirst(month, tokens)
            : DayFirst(tokens);
    }

    /// <summary>Perforce's <c>Fri, 2006/09/15 08:19:53 EDT</c>.</summary>
    public static DateTime? ParsePerforce(string text)
    {
        var match = Perforce().Match(text.Trim());
        if (!match.Success || Zone(match.Groups["zone"].Value) is not { } offset)
        {
            return null;
        }

        int N(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return FeedDates.ToUtc(N("year"), N("month"), N("day"), N("hour"), N("minute"), N("second"), offset);
    }

    /// <summary><c>16 Dec 2012 11:47:32 GMT</c>: day, month, year, then optional time and zone.</summary>
    private static DateTime? DayFirst(string[] tokens)
    {
        if (!IsNumber(tokens[0], 1, 2) || MonthNames.Find(tokens[1]) is not { } month || !IsNumber(tokens[2], 2, 4))
        {
            return null;
        }

        return Assemble(FeedDates.ExpandYear(tokens[2]), month, int.Parse(tokens[0], CultureInfo.InvariantCulture), tokens[3..]);
    }

    /// <summary><c>Jan  4 16:29:06 2004</c> (asctime), <c>Jul 15 01:16:00 +0000 2012</c>, <c>Aug 30 2012 17:26:16 +0200</c>.</summary>
    private static DateTime? MonthFirst(int month, string[] tokens)
    {
        if (!IsNumber(tokens[1], 1, 2))
        {
            return null;
        }

        var rest = tokens[2..].ToList();
        var yearIndex = rest.FindIndex(t => IsNumber(t, 4, 4));
        if (yearIndex < 0)
        {
            return null;
        }

        var year = int.Parse(rest[yearIndex], CultureInfo.InvariantCulture);
        rest.RemoveAt(yearIndex);
        return Assemble(year, month, int.Parse(tokens[1], CultureInfo.InvariantCulture), [.. rest]);
    }

    /// <summary>The tokens after the date: nothing, a time, or a time and a zone (one token, or <c>GMT -0100</c>).</summary>
    private static DateTime? Assemble(int year, int month, int day, string[] rest)
    {
        if (rest.Length == 0)
        {
            return FeedDates.ToUtc(year, month, day, 0, 0, 0, TimeSpan.Zero);
        }

        if (Time(rest[0]) is not var (hour, minute, second) || rest.Length > 3)
        {
            return null;
        }

        var zone = string.Concat(rest[1..]);
        return Zone(zone) is { } offset ? FeedDates.ToUtc(year, month, day, hour, minute, second, offset) : null;
    }

    private static (int Hour, int Minute, int Second)? Time(string token)
    {
        var match = TimeOfDay().Match(token);
        if (!match.Success)
        {
            return null;
        }

        int N(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return (N("hour"), N("minute"), N("second"));
    }

    /// <summary>Numeric offsets, optionally after GMT/UTC; named zones; anything else alphabetic counts as UTC.</summary>
    internal static TimeSpan? Zone(string zone)
    {
        var value = zone.Trim();
        if (value.StartsWith("Etc/", StringComparison.OrdinalIgnoreCase))
        {
            value = value[4..];
        }

        if (value.Length > 3 && (value.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || value.StartsWith("UTC", StringComparison.OrdinalIgnoreCase)))
        {
            value = value[3..];
        }

        if (value.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (value[0] is '+' or '-')
        {
            return IsoDates.Offset(value);
        }

        return value.All(char.IsAsciiLetter) ? ZoneNames.Offset(value) : null;
    }

    private static bool IsNumber(string token, int minDigits, int maxDigits) =>
        token.Length >= minDigits && token.Length <= maxDigits && token.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^(?:(?<hour>\d{1,2}):(?<minute>\d{1,2})(?::(?<second>\d{1,2}))?|(?<hour>\d{2})(?<minute>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^(?:[A-Za-z]{3},?\s*)?(?<year>\d{4})/(?<month>\d{1,2})/(?<day>\d{1,2})\s+(?<hour>\d{1,2}):(?<minute>\d{2}):(?<second>\d{2})\s*(?<zone>\S*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Perforce();
}
