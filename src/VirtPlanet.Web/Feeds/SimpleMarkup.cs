using System.Buffers;
using System.Globalization;
using System.Text;
using AngleSharp.Html;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// The sanitizer's fast path: recognises markup that is already in a shape no rule of the full path would change,
/// and writes it as the full path would, without building a document. Most posts are such markup (paragraphs,
/// headings, lists, quotes, code, emphasis, absolute links and images); parsing, the allow-lists and serializing
/// were ≈ 39 % of a cold poll's CPU.
/// </summary>
/// <remarks>
/// <para>
/// It is an allow-list of its own, narrower than the policy: a few elements, a few attributes, absolute http(s)
/// URLs, well-nested tags written as the HTML parser reads them without repairs. Anything else (a comment, an unknown
/// or misnested tag, a relative URL, a style, a bare ampersand, a control character) returns false, and the post
/// goes through the full path. So this path can only ever write the elements and attributes listed here.
/// </para>
/// <para>
/// Within that shape, the HTML tree builder inserts every token where it stands (no element is closed or reopened
/// implicitly: block elements open only among blocks, a list item only in a list, a link never in a link), so the
/// tree is the tags as written, and the result is what the serializer writes for it after the rules: attributes the
/// policy drops are left out, classes as <see cref="MarkupFinisher"/> keeps them, a link's <c>rel</c> appended, text
/// and values escaped as AngleSharp's formatter escapes them. PostSanitizerTests holds this path to the full one
/// on the test corpora and on generated markup.
/// </para>
/// </remarks>
internal static class SimpleMarkup
{
    /// <summary>Deeper markup goes through the full path, whose parse is timed (the tree builder is quadratic in depth).</summary>
    private const int MaxDepth = 64;

    private enum Role
    {
        /// <summary>Holds blocks and phrasing; opens only among containers.</summary>
        Container,

        /// <summary>A list item: a container that opens only directly in a list.</summary>
        ListItem,

        /// <summary>Holds phrasing only; opens only among containers.</summary>
        TextBlock,

        /// <summary>Phrasing: opens anywhere, holds phrasing only.</summary>
        Inline,

        /// <summary>A void phrasing element.</summary>
        Void,

        /// <summary>A void block (<c>hr</c>): opens only among containers.</summary>
        VoidBlock,
    }

    private static readonly Dictionary<string, Role> Elements = new (Role Role, string[] Names)[]
    {
        (Role.Container, ["div", "blockquote", "ul", "ol", "figure", "figcaption"]),
        (Role.ListItem, ["li"]),
        (Role.TextBlock, ["p", "pre", "h1", "h2", "h3", "h4", "h5", "h6"]),
        (Role.Inline, ["a", "em", "strong", "b", "i", "u", "s", "code", "kbd", "samp", "var", "tt", "sub", "sup", "small", "big", "mark", "abbr", "span", "del", "ins", "strike", "q", "cite", "dfn"]),
        (Role.Void, ["br", "img", "wbr"]),
        (Role.VoidBlock, ["hr"]),
    }.SelectMany(group => group.Names.Select(name => (name, group.Role))).ToDictionary(StringComparer.Ordinal);

    private static readonly Dictionary<string, Role>.AlternateLookup<ReadOnlySpan<char>> ElementsByName =
        Elements.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Attributes kept as they are on any element of <see cref="Elements"/>: text the policy allows.</summary>
    private static readonly HashSet<string> TextAttributes = new(StringComparer.Ordinal) { "title", "lang", "dir" };

    /// <summary>Attributes the policy removes without touching anything else (no rule of the planet reads them).</summary>
    private static readonly HashSet<string> DroppedAttributes = new(StringComparer.Ordinal) { "id", "name", "target", "rel", "loading", "decoding", "tabindex" };

    private static readonly SearchValues<char> AsciiLettersAndDigits = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>Characters text cannot hold on this path: markup, references, what the formatter escapes, what the parser rewrites or reports.</summary>
    private static readonly SearchValues<char> TextStops = SearchValues.Create(Stops("<&>\u00A0"));

    /// <summary>The same for an attribute value, up to its closing quote.</summary>
    private static readonly SearchValues<char> ValueStops = SearchValues.Create(Stops("&\"'\u00A0"));

    /// <summary>
    /// Writes the clean form of <paramref name="html"/> to <paramref name="output"/> (cleared first) and returns true,
    /// or returns false (with <paramref name="output"/> in any state) when the markup needs the full path.
    /// </summary>
    public static bool TryWrite(string html, StringBuilder output)
    {
        output.Clear();
        var open = new List<string>();
        var attributes = new List<(string Name, string Value)>();
        var at = 0;
        while (at < html.Length)
        {
            var stop = html.AsSpan(at).IndexOfAny(TextStops);
            var end = stop < 0 ? html.Length : at + stop;
            output.Append(html, at, end - at);
            if (stop < 0)
            {
                break;
            }

            at = end;
            var c = html[at];
            if (c == '<')
            {
                if (!TryTag(html, ref at, open, attributes, output))
                {
                    return false;
                }
            }
            else if (c == '&')
            {
                if (!TryReference(html, ref at, out var decoded))
                {
                    return false;
                }

                AppendEscaped(output, decoded, isValue: false);
            }
            else if (c == '>')
            {
                output.Append("&gt;");
                at++;
            }
            else if (c == '\u00A0')
            {
                output.Append("&nbsp;");
                at++;
            }
            else if (!TryPair(html, ref at, output))
            {
                return false;
            }
        }

        for (var i = open.Count - 1; i >= 0; i--)
        {
            output.Append("</").Append(open[i]).Append('>');
        }

        return true;
    }

    /// <summary>A start or end tag at <paramref name="at"/>, checked against the open elements and written.</summary>
    private static bool TryTag(string html, ref int at, List<string> open, List<(string Name, string Value)> attributes, StringBuilder output)
    {
        var isEnd = at + 1 < html.Length && html[at + 1] == '/';
        var nameStart = at + (isEnd ? 2 : 1);
        var nameEnd = nameStart;
        while (nameEnd < html.Length && (char.IsAsciiLetterLower(html[nameEnd]) || (nameEnd > nameStart && char.IsAsciiDigit(html[nameEnd]))))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart || nameEnd == html.Length || !ElementsByName.TryGetValue(html.AsSpan(nameStart, nameEnd - nameStart), out var name, out var role))
        {
            return false;
        }

        if (isEnd)
        {
            // Only the current element may close, and only by its own end tag: then no rule of the tree builder
            // closes or reopens anything else.
            if (html[nameEnd] != '>' || open.Count == 0 || open[^1] != name)
            {
                return false;
            }

            open.RemoveAt(open.Count - 1);
            output.Append("</").Append(name).Append('>');
            at = nameEnd + 1;
            return true;
        }

        if (!TryAttributes(html, nameEnd, role is Role.Void or Role.VoidBlock, attributes, out var after) || !MayOpen(name, role, open))
        {
            return false;
        }

        // The parser drops a newline that opens a pre, and the serializer writes one back only if another follows.
        if (name == "pre" && after < html.Length && html[after] is '\n' or '&')
        {
            return false;
        }

        output.Append('<').Append(name);
        if (!TryWriteAttributes(name, attributes, output))
        {
            return false;
        }

        output.Append('>');
        if (role is not (Role.Void or Role.VoidBlock))
        {
            open.Add(name);
        }

        at = after;
        return true;
    }

    /// <summary>Whether the tree builder would insert <paramref name="name"/> as a child of the current element, closing nothing.</summary>
    private static bool MayOpen(string name, Role role, List<string> open)
    {
        if (open.Count >= MaxDepth)
        {
            return false;
        }

        switch (role)
        {
            case Role.Inline:
                // A link in a link makes the parser close the first one (the adoption agency).
                return name != "a" || !open.Contains("a");
            case Role.Void:
                return true;
            case Role.ListItem:
                // A list item elsewhere closes an open item above it.
                return open.Count > 0 && open[^1] is "ul" or "ol" && AllContainers(open);
            default:
                // Blocks close an open paragraph, headings an open heading: among containers only, there is none.
                return AllContainers(open);
        }
    }

    private static bool AllContainers(List<string> open)
    {
        foreach (var element in open)
        {
            if (Elements[element] is not (Role.Container or Role.ListItem))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the attributes of a start tag from <paramref name="at"/> (just after its name) to its closing '&gt;':
    /// only <c>name="value"</c> or <c>name='value'</c>, lower-case names, no name twice, and '/&gt;' only on a void element.
    /// </summary>
    private static bool TryAttributes(string html, int at, bool isVoid, List<(string Name, string Value)> attributes, out int after)
    {
        attributes.Clear();
        after = 0;
        while (true)
        {
            var spaced = false;
            while (at < html.Length && html[at] is ' ' or '\t' or '\n')
            {
                at++;
                spaced = true;
            }

            if (at >= html.Length)
            {
                return false;
            }

            if (html[at] == '>' || (isVoid && html[at] == '/' && at + 1 < html.Length && html[at + 1] == '>'))
            {
                after = at + (html[at] == '>' ? 1 : 2);
                return true;
            }

            var nameStart = at;
            while (at < html.Length && (char.IsAsciiLetterLower(html[at]) || (at > nameStart && (html[at] == '-' || char.IsAsciiDigit(html[at])))))
            {
                at++;
            }

            if (!spaced || at == nameStart || at + 1 >= html.Length || html[at] != '=' || html[at + 1] is not ('"' or '\''))
            {
                return false;
            }

            var name = html[nameStart..at];
            var quote = html[at + 1];
            at += 2;
            if (!TryValue(html, ref at, quote, out var value) || attributes.Exists(a => a.Name == name))
            {
                return false;
            }

            attributes.Add((name, value));
        }
    }

    /// <summary>An attribute's value up to its closing <paramref name="quote"/>, references decoded.</summary>
    private static bool TryValue(string html, ref int at, char quote, out string value)
    {
        StringBuilder? decoded = null;
        var start = at;
        while (true)
        {
            var stop = html.AsSpan(at).IndexOfAny(ValueStops);
            if (stop < 0)
            {
                value = string.Empty;
                return false;
            }

            var end = at + stop;
            var c = html[end];
            if (c == quote)
            {
                value = decoded is null ? html[start..end] : decoded.Append(html, at, end - at).ToString();
                at = end + 1;
                return true;
            }

            decoded ??= new StringBuilder();
            decoded.Append(html, at, end - at);
            at = end;
            if (c is '"' or '\'' or '\u00A0')
            {
                decoded.Append(c);
                at++;
            }
            else if (c == '&')
            {
                if (!TryReference(html, ref at, out var reference))
                {
                    value = string.Empty;
                    return false;
                }

                decoded.Append(reference);
            }
            else if (!TryPair(html, ref at, decoded))
            {
                value = string.Empty;
                return false;
            }
        }
    }

    /// <summary>Writes the attributes the full path keeps, as its rules leave them; false if one would need more than that.</summary>
    private static bool TryWriteAttributes(string element, List<(string Name, string Value)> attributes, StringBuilder output)
    {
        foreach (var (name, value) in attributes)
        {
            // The sanitizer drops any value holding a JavaScript include.
            if (value.Contains("&{", StringComparison.Ordinal))
            {
                return false;
            }

            if (DroppedAttributes.Contains(name))
            {
                continue;
            }

            string? kept;
            if (TextAttributes.Contains(name))
            {
                kept = value;
            }
            else if (name == "class")
            {
                // Feed flare is removed whole by FeedJunk; anything else is down to MarkupFinisher's language classes.
                if (value.Contains("feedflare", StringComparison.OrdinalIgnoreCase) || value.Contains("mf-viral", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                kept = MarkupFinisher.KeptClasses(element, value);
            }
            else if ((element, name) is ("a", "href") or ("img", "src"))
            {
                // Absolute http(s) URLs are kept as written; relative ones would be resolved against the post.
                if (!IsPlainHttpUrl(value))
                {
                    return false;
                }

                kept = value;
            }
            else if (element == "img" && name is "alt")
            {
                kept = value;
            }
            else if (element == "img" && name is "width" or "height")
            {
                // A 1x1 image is a tracking pixel, which FeedJunk removes.
                if (value.Length is 0 or > 5 || value.AsSpan().ContainsAnyExceptInRange('0', '9') || int.Parse(value, CultureInfo.InvariantCulture) <= 1)
                {
                    return false;
                }

                kept = value;
            }
            else
            {
                return false;
            }

            if (kept is not null)
            {
                output.Append(' ').Append(name).Append("=\"");
                AppendEscaped(output, kept, isValue: true);
                output.Append('"');
            }
        }

        if (element == "img" && !attributes.Exists(a => a.Name == "src"))
        {
            // LazyImages looks for another source.
            return false;
        }

        if (element == "a")
        {
            output.Append(" rel=\"").Append(MarkupFinisher.LinkRel).Append('"');
        }

        return true;
    }

    /// <summary>An http(s) URL the sanitizer keeps as written and FeedJunk would not look twice at.</summary>
    private static bool IsPlainHttpUrl(string value) =>
        (value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("http://", StringComparison.Ordinal))
        && !value.AsSpan().ContainsAny(" \t\n\f") && !FeedJunk.NamesTracker(value);

    /// <summary>
    /// A character reference HTML decodes the same in text and in values: a named one with its ';' (read with
    /// AngleSharp's own table), or a numeric one for a printable character.
    /// </summary>
    private static bool TryReference(string html, ref int at, out string decoded)
    {
        decoded = string.Empty;
        var semicolon = html.AsSpan(at + 1, Math.Min(40, html.Length - at - 1)).IndexOf(';');
        if (semicolon <= 0)
        {
            return false;
        }

        var name = html.AsSpan(at + 1, semicolon);
        if (name[0] == '#')
        {
            var hex = name.Length > 1 && name[1] is 'x' or 'X';
            var digits = name[(hex ? 2 : 1)..];
            if (digits.Length is 0 or > 7
                || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || !IsPrintable(code))
            {
                return false;
            }

            decoded = char.ConvertFromUtf32(code);
        }
        else
        {
            var symbol = name.ContainsAnyExcept(AsciiLettersAndDigits) ? null : HtmlEntityProvider.Resolver.GetSymbol(string.Concat(name, ";"));
            if (string.IsNullOrEmpty(symbol) || !symbol.All(c => c >= 0x20 || c == '\t' || c == '\n'))
            {
                return false;
            }

            decoded = symbol;
        }

        at += semicolon + 2;
        return true;
    }

    /// <summary>Code points a numeric reference yields unchanged and without a parse error.</summary>
    private static bool IsPrintable(int code) =>
        code is (>= 0x20 and < 0x7F) or (>= 0xA0 and < 0xD800) or (>= 0xE000 and < 0xFDD0) or (> 0xFDEF and <= 0x10FFFF)
        && (code & 0xFFFE) != 0xFFFE;

    /// <summary>A surrogate pair at <paramref name="at"/> is written as it is; anything else that stopped the scan is refused.</summary>
    private static bool TryPair(string html, ref int at, StringBuilder output)
    {
        if (at + 1 < html.Length && char.IsHighSurrogate(html[at]) && char.IsLowSurrogate(html[at + 1])
            && (char.ConvertToUtf32(html[at], html[at + 1]) & 0xFFFE) != 0xFFFE)
        {
            output.Append(html, at, 2);
            at += 2;
            return true;
        }

        return false;
    }

    /// <summary>Text, or an attribute's value, escaped as AngleSharp's HTML formatter escapes it: quotes only in values.</summary>
    private static void AppendEscaped(StringBuilder output, string text, bool isValue)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '\u00A0' => output.Append("&nbsp;"),
                '"' when isValue => output.Append("&quot;"),
                _ => output.Append(c),
            };
        }
    }

    /// <summary>
    /// <paramref name="escaped"/>, and every character this path does not take as it is: C0 controls but tab and line
    /// feed (CR and NUL the parser rewrites), C1 controls, surrogates (taken in valid pairs only) and the two
    /// non-characters of the basic plane.
    /// </summary>
    private static string Stops(string escaped)
    {
        var stops = new StringBuilder(escaped);
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n'))
            {
                stops.Append(c);
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            stops.Append(c);
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            stops.Append(c);
        }

        return stops.Append('\uFFFE').Append('\uFFFF').ToString();
    }
}
