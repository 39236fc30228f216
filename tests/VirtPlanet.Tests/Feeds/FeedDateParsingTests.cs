using System.Globalization;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>Every vector of feedparser's date tests (corpus feedparser/dates.tsv): input, expected UTC or rejection.</summary>
public sealed class FeedDateParsingTests
{
    private static readonly Dictionary<string, Func<string, DateTime?>> Parsers = new()
    {
        ["parse_date_rfc822"] = Rfc822Dates.Parse,
        ["parse_date_asctime"] = Rfc822Dates.Parse,
        ["parse_date_greek"] = Rfc822Dates.Parse,
        ["parse_date_perforce"] = Rfc822Dates.ParsePerforce,
        ["parse_date_w3dtf"] = IsoDates.ParseW3c,
        ["parse_date_iso8601"] = IsoDates.ParseIso8601,
        ["parse_date_hungarian"] = LocalizedDates.Parse,
        ["parse_date_nate"] = LocalizedDates.Parse,
        ["parse_date_onblog"] = LocalizedDates.Parse,
    };

    public static TheoryData<string, string, string> Vectors()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Corpus, "feedparser", "dates.tsv")).Skip(1))
        {
            var cells = line.Split('\t');
            rows.Add(cells[0], cells[1], cells[2]);
        }

        return rows;
    }

    [Fact]
    public void DatesFileHasAllSeventyTwoVectors() => Assert.Equal(72, Vectors().Count);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DateParserOfEachFormatReturnsTheExpectedUtcInstantOrRejects(string parser, string input, string expectedUtc)
    {
        var parsed = Parsers[parser](input);

        Assert.Equal(Expected(expectedUtc), parsed);
        Assert.True(parsed is null || parsed.Value.Kind == DateTimeKind.Utc);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void GeneralDateParserReadsEveryValidVector(string parser, string input, string expectedUtc)
    {
        Assert.NotNull(parser);
        if (expectedUtc.Length > 0)
        {
            Assert.Equal(Expected(expectedUtc), FeedDates.Parse(input));
        }
    }

    public static TheoryData<string, string?> RealWorldDates() => new()
    {
        { "Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40Z" },
        { "03 Apr 02 1500 GMT", "2002-04-03T15:00:00Z" },
        { "07 Jan 2017 17:12:53 +0300", "2017-01-07T14:12:53Z" },
        { "Mon, 03 Jun 2019 10:00:00 UTC\r\n   ", "2019-06-03T10:00:00Z" },
        { "Tue, 10 Jun 2003 04:00:00 PDT", "2003-06-10T11:00:00Z" },
        { "Tue, 10 Jun 2003 04:00:00 Z", "2003-06-10T04:00:00Z" },
        { "2016-06-27T07:36:54.007-07:00", "2016-06-27T14:36:54Z" },
        { "20031231T101455Z", "2003-12-31T10:14:55Z" },
        { "not a date", null },
    };

    [Theory]
    [MemberData(nameof(RealWorldDates))]
    public void GeneralDateParserReadsDatesSeenInRealFeeds(string input, string? expectedUtc) =>
        Assert.Equal(expectedUtc is null ? null : Expected(expectedUtc), FeedDates.Parse(input));

    /// <summary>The forms read by position (<see cref="FeedDates.ParseCanonical"/>), true, and near misses the general parsers read, false.</summary>
    public static TheoryData<string, bool> CanonicalDates()
    {
        var rows = new TheoryData<string, bool>
        {
            { "2024-05-16T14:49:00Z", true },
            { "2016-06-27T07:36:54.007-07:00", true },
            { "2024-02-29T23:59:59+14:00", true },
            { "2023-12-31T23:30:00-01:00", true },
            { "Thu, 16 May 2024 14:49:00 +0000", true },
            { "Thu, 6 Jun 2024 04:09:03 -0930", true },
            { "Mon, 03 Jun 2019 10:00:00 GMT", true },
            { "Wed, 16 May 2024 14:49:00 +0000", true }, // the wrong weekday, never trusted
            { "2023-02-29T10:00:00Z", false }, // no such day: null either way
            { "2024-05-16T24:00:00Z", false },
            { "2024-05-16T14:49:00+24:00", false },
            { "2024-05-16T14:49:00", false },
            { "2024-05-16T14:49:00.Z", false },
            { "2024-05-16t14:49:00z", false },
            { "2024-05-16 14:49:00Z", false },
            { "2024-05-16T14:49:00+0530", false },
            { "Tue, 10 Jun 2003 04:00:00 PDT", false },
            { "Mon, 03 Jun 2019 10:00:00 UTC", false },
            { "Fri, 31 Feb 2024 10:00:00 +0000", false },
            { "Thu, 16 May 2024 14:49:00 +2400", false },
            { "Thu, 16 May 2024 14:49 +0000", false },
            { "Thu,16 May 2024 14:49:00 +0000", false },
            { "Seg, 24 Set 2018 19:42:40 -0300", false },
        };
        foreach (var month in new[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" })
        {
            rows.Add($"Sat, 01 {month} 2000 12:00:00 +0100", true);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(CanonicalDates))]
    public void CommonDateFormsAreReadByPositionToTheInstantTheGeneralParsersRead(string input, bool readByPosition)
    {
        Assert.Equal(readByPosition, FeedDates.ParseCanonical(input) is not null);
        Assert.Equal(FeedDates.ParseAnyForm(input), FeedDates.Parse(input));
        Assert.True(!readByPosition || FeedDates.Parse(input) is not null);
    }

    private static DateTime? Expected(string utc) => utc.Length == 0
        ? null
        : DateTime.ParseExact(utc, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
