using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Localised date forms old blog engines emitted: Hungarian month names inside W3C-DTF
/// (<c>2004-július-13T9:15-05:00</c>) and the Korean forms of Nate (<c>2004-05-25 오후 11:23:17</c>) and
/// OnBlog (<c>2004년 05월 28일  01:31:15</c>), both in Korean Standard Time. Greek month names are in <see cref="MonthNames"/>.
/// </summary>
public static partial class LocalizedDates
{
    private static readonly TimeSpan KoreanStandardTime = TimeSpan.FromHours(9);

    private static readonly string[] HungarianMonths =
        ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"];

    public static DateTime? Parse(string text)
    {
        var value = text.Trim();
        return Hungarian(value) ?? Nate(value) ?? OnBlog(value);
    }

    private static DateTime? Hungarian(string value)
    {
        var match = HungarianDate().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var month = Array.IndexOf(HungarianMonths, match.Groups["month"].Value.ToLowerInvariant()) + 1;
        return month == 0 ? null : IsoDates.ParseW3c($"{match.Groups["year"].Value}-{month:00}-{match.Groups["rest"].Value}");
    }

    private static DateTime? Nate(string value)
    {
        var match = NateDate().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var hour = Number(match, "hour");
        if (hour > 12)
        {
            return null;
        }

        // 오전 is a.m., 오후 p.m.; 12 o'clock belongs to the half it starts.
        hour = (hour % 12) + (match.Groups["half"].Value == "오후" ? 12 : 0);
        return FeedDates.ToUtc(Number(match, "year"), Number(match, "month"), Number(match, "day"),
            hour, Number(match, "minute"), Number(match, "second"), KoreanStandardTime);
    }

    private static DateTime? OnBlog(string value)
    {
        var match = OnBlogDate().Match(value);
        return match.Success
            ? FeedDates.ToUtc(Number(match, "year"), Number(match, "month"), Number(match, "day"),
                Number(match, "hour"), Number(match, "minute"), Number(match, "second"), KoreanStandardTime)
            : null;
    }

    private static int Number(Match match, string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\p{L}+)-(?<rest>\d{2}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HungarianDate();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})\s+(?<half>오전|오후)\s+(?<hour>\d{1,2}):(?<minute>\d{2}):(?<second>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NateDate();

    [GeneratedRegex(@"^(?<year>\d{4})년\s*(?<month>\d{1,2})월\s*(?<day>\d{1,2})일\s+(?<hour>\d{1,2}):(?<minute>\d{2}):(?<second>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OnBlogDate();
}
