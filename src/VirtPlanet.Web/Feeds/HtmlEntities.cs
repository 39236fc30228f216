using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Makes feed text XML-safe before parsing, as feedparser's loose parser would read it: HTML named entities
/// XML does not define (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>) become numeric references, unknown ones and bare
/// ampersands (<c>AT&amp;T</c>) become literal text. Entities the document declares itself are left alone.
/// </summary>
public static partial class HtmlEntities
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The rewritten text, or null when <paramref name="text"/> is XML-safe as it is (most feeds).</summary>
    public static string? MakeXmlSafe(ReadOnlySpan<char> text)
    {
        if (OnlyXmlReferences(text))
        {
            return null;
        }

        var copy = text.ToString();
        var declared = copy.Contains("<!ENTITY", StringComparison.Ordinal) ? DeclaredNames(copy) : [];
        return Reference().Replace(copy, match => Replace(match, declared));
    }

    /// <summary>
    /// True when every ampersand already starts a reference the rewrite would keep as it is (the five XML
    /// entities, a hex reference, a decimal one outside 128-159): most feeds, whose escaped HTML is full of
    /// <c>&amp;lt;</c>. Then the text is returned untouched without running the regex over it.
    /// </summary>
    private static bool OnlyXmlReferences(ReadOnlySpan<char> text)
    {
        var rest = text;
        for (var at = rest.IndexOf('&'); at >= 0; at = rest.IndexOf('&'))
        {
            rest = rest[(at + 1)..];
            var length = KeptReferenceLength(rest);
            if (length == 0)
            {
                return false;
            }

            rest = rest[length..];
        }

        return true;
    }

    /// <summary>The length of the kept reference after an ampersand, up to and with its semicolon; 0 when it would change.</summary>
    private static int KeptReferenceLength(ReadOnlySpan<char> afterAmpersand)
    {
        var end = afterAmpersand[..Math.Min(afterAmpersand.Length, 12)].IndexOf(';');
        if (end <= 0)
        {
            return 0;
        }

        var body = afterAmpersand[..end];
        var kept = body switch
        {
            ['#', 'x', .. var hex] => hex.Length > 0 && !hex.ContainsAnyExcept(HexDigits),
            ['#', .. var digits] => digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9')
                && (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || !Windows1252.IsC1(code)),
            _ => IsXmlEntity(body),
        };
        return kept ? end + 1 : 0;
    }

    private static string Replace(Match match, HashSet<string> declared)
    {
        if (match.Groups["verbatim"].Success)
        {
            return match.Value;
        }

        if (!match.Groups["ref"].Success)
        {
            return "&amp;";
        }

        if (match.Groups["number"].Success)
        {
            return FromWindows1252(match);
        }

        var name = match.Groups["name"].Value;
        if (name.Length == 0 || IsXmlEntity(name) || declared.Contains(name))
        {
            return match.Value;
        }

        var decoded = WebUtility.HtmlDecode(match.Value);
        return decoded == match.Value
            ? "&amp;" + match.Value[1..]
            : string.Concat(decoded.EnumerateRunes().Select(r => $"&#{r.Value};"));
    }

    /// <summary>
    /// <c>&amp;#146;</c> and its C1 neighbours name invisible control characters; every feed writing them meant the
    /// windows-1252 character at that byte (a curly quote), as HTML5 reads them too.
    /// </summary>
    private static string FromWindows1252(Match match)
    {
        if (!int.TryParse(match.Groups["number"].Value, out var code) || !Windows1252.IsC1(code))
        {
            return match.Value;
        }

        var character = Windows1252.CharacterOf(code);
        return character != code ? $"&#{(int)character};" : match.Value;
    }

    private static bool IsXmlEntity(ReadOnlySpan<char> name) => name is "amp" or "lt" or "gt" or "quot" or "apos";

    private static HashSet<string> DeclaredNames(string text) =>
        Declaration().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>A CDATA section or comment (kept verbatim), or an ampersand and, when it starts one, the reference.</summary>
    [GeneratedRegex(@"(?<verbatim><!\[CDATA\[.*?\]\]>|<!--.*?-->)|&(?<ref>(?<name>[A-Za-z_][A-Za-z0-9._-]*);|#(?<number>[0-9]+);|#x[0-9a-fA-F]+;)?", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"<!ENTITY\s+(?<name>[A-Za-z_][A-Za-z0-9._-]*)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Declaration();
}
