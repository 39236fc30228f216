using System.Net;
using System.Text.RegularExpressions;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Makes feed text XML-safe before parsing, as feedparser's loose parser would read it: HTML named entities
/// XML does not define (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>) become numeric references, unknown ones and bare
/// ampersands (<c>AT&amp;T</c>) become literal text. Entities the document declares itself are left alone.
/// </summary>
public static partial class HtmlEntities
{
    public static string MakeXmlSafe(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var declared = text.Contains("<!ENTITY", StringComparison.Ordinal) ? DeclaredNames(text) : [];
        return Reference().Replace(text, match => Replace(match, declared));
    }

    private static string Replace(Match match, HashSet<string> declared)
    {
        if (!match.Groups["ref"].Success)
        {
            return "&amp;";
        }

        var name = match.Groups["name"].Value;
        if (name.Length == 0 || name is "amp" or "lt" or "gt" or "quot" or "apos" || declared.Contains(name))
        {
            return match.Value;
        }

        var decoded = WebUtility.HtmlDecode(match.Value);
        return decoded == match.Value
            ? "&amp;" + match.Value[1..]
            : string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
    }

    private static HashSet<string> DeclaredNames(string text) =>
        Declaration().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>An ampersand and, when it starts one, the reference: a name or a character number.</summary>
    [GeneratedRegex(@"&(?<ref>(?<name>[A-Za-z_][A-Za-z0-9._-]*);|#[0-9]+;|#[xX][0-9a-fA-F]+;)?", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"<!ENTITY\s+(?<name>[A-Za-z_][A-Za-z0-9._-]*)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();
}
