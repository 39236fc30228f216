namespace VirtPlanet.Web.Feeds;

/// <summary>The time-zone abbreviations feeds put in RFC 822 dates, as offsets from UTC.</summary>
internal static class ZoneNames
{
    private static readonly Dictionary<string, int> HoursFromUtc = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0,
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["Z"] = 0,
        ["WET"] = 0,
        ["BST"] = 1,
        ["CET"] = 1,
        ["MET"] = 1,
        ["CEST"] = 2,
        ["MEST"] = 2,
        ["EET"] = 2,
        ["EEST"] = 3,
        ["MSK"] = 3,
        ["AT"] = -4,
        ["AST"] = -4,
        ["ADT"] = -3,
        ["ET"] = -5,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CT"] = -6,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MT"] = -7,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PT"] = -8,
        ["PST"] = -8,
        ["PDT"] = -7,
        ["AKST"] = -9,
        ["AKDT"] = -8,
        ["HST"] = -10,
        ["IST"] = 5,
        ["JST"] = 9,
        ["KST"] = 9,
        ["HKT"] = 8,
        ["SGT"] = 8,
        ["AEST"] = 10,
        ["AEDT"] = 11,
        ["NZST"] = 12,
        ["NZDT"] = 13,
    };

    /// <summary>
    /// A known name's offset. Single military letters and unknown names count as UTC: RFC 5322 §4.3 says the
    /// military zones were defined with the wrong sign and SHOULD be read as -0000, and a date an hour off
    /// beats dropping it.
    /// </summary>
    public static TimeSpan Offset(string name) =>
        HoursFromUtc.TryGetValue(name, out var hours) ? TimeSpan.FromHours(hours) : TimeSpan.Zero;
}
