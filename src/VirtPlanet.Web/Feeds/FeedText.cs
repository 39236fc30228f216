using System.Net;
using System.Text.RegularExpressions;

namespace VirtPlanet.Web.Feeds;

/// <summary>Text conversions: HTML to one line of plain text, plain text to HTML that shows it as written.</summary>
public static partial class FeedText
{
    /// <summary>Scripts and styles dropped with their text, other tags stripped, entities decoded, whitespace collapsed.</summary>
    public static string PlainFromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = html.Contains('<', StringComparison.Ordinal) ? Tag().Replace(Hidden().Replace(html, " "), string.Empty) : html;
        return Collapse(WebUtility.HtmlDecode(text));
    }

    public static string Collapse(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Whitespace().Replace(text, " ").Trim();

    /// <summary>
    /// Escapes only what HTML text needs ('&amp;', '&lt;', '&gt;'), not every non-ASCII letter and quote as
    /// WebUtility.HtmlEncode does: text without these three characters then passes the sanitizer without being parsed.
    /// </summary>
    public static string HtmlFromPlain(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[A-Za-z/!?](?:[^>""']|""[^""]*""|'[^']*')*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
