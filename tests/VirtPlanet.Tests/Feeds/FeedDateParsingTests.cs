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

    private static DateTime? Expected(string utc) => utc.Length == 0
        ? null
        : DateTime.ParseExact(utc, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
