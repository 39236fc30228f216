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

    /// <summary>Runs of whitespace made one space, none at either end; text already so (most titles, ids, names) is returned as it is.</summary>
    public static string Collapse(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
            : IsCollapsed(text) ? text
            : Whitespace().Replace(text, " ").Trim();

    /// <summary>No whitespace at either end, and none inside but single spaces (the regular expression's \s is char.IsWhiteSpace).</summary>
    private static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i + 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Escapes only what HTML text needs ('&amp;', '&lt;', '&gt;'), not every non-ASCII letter and quote as
    /// WebUtility.HtmlEncode does: text without these three characters then passes the sanitizer without being parsed.
    /// </summary>
    public static string HtmlFromPlain(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    // Both run on titles and names a feed controls, so both use the engine whose time is linear in the text. With
    // backtracking, 156 KB of "<script>" in a title took 20 s and 117 KB of "<a " 15 s (each unclosed start rescanned
    // the rest): minutes to hours for a feed's 8 MB, outside any budget. The non-backtracking engine has no
    // backreferences, hence the two spelled-out alternatives.
    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[A-Za-z/!?](?:[^>""']|""[^""]*""|'[^']*')*>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
