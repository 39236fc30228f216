using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>
/// Compares one feedparser expectation with what VirtPlanet stores for that field. Titles and authors are
/// plain text on our side, so the expected value is compared as plain text too; HTML is compared with
/// whitespace collapsed.
/// </summary>
public static partial class ExpectationCheck
{
    public static readonly HashSet<string> StoredFields =
    [
        "feed.title", "feed.link", "entry.title", "entry.link", "entry.id", "entry.author",
        "entry.content", "entry.summary", "entry.published", "entry.updated",
    ];

    /// <summary>Rows about a field we store; feedparser's sanitizer whitelist (wellformed/sanitize HTML) is PostSanitizer's business.</summary>
    public static bool Applies(CorpusExpectation row) =>
        StoredFields.Contains(row.PlanetField) && row.ValueKind is "str" or "time_tuple"
        && !(row.File.StartsWith("wellformed/sanitize/", StringComparison.Ordinal) && row.PlanetField is "entry.content" or "entry.summary");

    public static string? Failure(CorpusExpectation row, CorpusResult result)
    {
        if (result.Feed is not { } feed)
        {
            return $"parse failed: {result.Error?.Message}";
        }

        if (row.EntryIndex is { } index && index >= feed.Entries.Count)
        {
            return $"no entry {index} ({feed.Entries.Count} parsed)";
        }

        var entry = row.EntryIndex is { } i ? feed.Entries[i] : null;
        return row.PlanetField switch
        {
            "feed.title" => Text(row.ExpectedValue, feed.Title),
            "feed.link" => Same(row.ExpectedValue, feed.SiteUrl),
            "entry.title" => Text(row.ExpectedValue, entry!.Title),
            "entry.link" => Same(row.ExpectedValue, entry!.Link),
            "entry.id" => Same(row.ExpectedValue, entry!.Id),
            "entry.author" => row.KeyPath.EndsWith(".author", StringComparison.Ordinal) && EntryAuthor.Clean(row.ExpectedValue) is { } name
                ? Same(name, entry!.Author) : Same(row.ExpectedValue, entry!.Author),
            "entry.content" => Html(row.ExpectedValue, entry!.ContentHtml, entry.BaseUri),
            "entry.summary" => Html(row.ExpectedValue, entry!.SummaryHtml ?? entry.ContentHtml, entry.BaseUri),
            "entry.published" => Date(row, entry!.Published ?? entry.Updated),
            _ => Date(row, entry!.Updated ?? entry.Published),
        };
    }

    private static string? Same(string expected, string? actual) =>
        expected == actual ? null : $"expected '{expected}', got '{actual}'";

    private static string? Text(string expected, string? actual) =>
        (actual ?? string.Empty) == FeedText.Collapse(expected) || (actual ?? string.Empty) == FeedText.PlainFromHtml(expected)
            ? null : $"expected '{expected}', got '{actual}'";

    /// <summary>
    /// Equal up to what the rest of the pipeline settles: whitespace, <c>&lt;br/&gt;</c> spelling, relative URLs
    /// (PostSanitizer resolves them against <see cref="ParsedEntry.BaseUri"/>), and plain text that we escape
    /// so it shows as written.
    /// </summary>
    private static string? Html(string expected, string? actual, Uri? baseUri)
    {
        var want = Normalize(expected);
        var got = Normalize(actual);
        var resolved = baseUri is null ? got : UrlAttribute().Replace(got, m => $"{m.Groups["name"].Value}=\"{Resolve(baseUri, m.Groups["url"].Value)}\"");
        return want == got || want == resolved || Normalize(WebUtility.HtmlEncode(expected)) == got
            ? null : $"expected '{expected}', got '{actual}'";
    }

    private static string Normalize(string? html) => SelfClosing().Replace(FeedText.Collapse(html), " />");

    private static string Resolve(Uri baseUri, string url) =>
        Uri.TryCreate(baseUri, url.Trim(), out var absolute) ? absolute.ToString() : url;

    private static string? Date(CorpusExpectation row, DateTime? actual)
    {
        var expected = row.ValueKind == "time_tuple"
            ? DateTime.ParseExact(row.ExpectedUtc, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : FeedDates.Parse(row.ExpectedValue);
        return expected == actual ? null : $"expected {expected:O}, got {actual:O}";
    }

    [GeneratedRegex("\\s*/>")]
    private static partial Regex SelfClosing();

    [GeneratedRegex("(?<name>href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex UrlAttribute();
}
