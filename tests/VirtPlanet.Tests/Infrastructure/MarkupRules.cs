using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>
/// What makes an attribute able to run code, the same in a sanitized fragment (<see cref="Feeds.InertMarkup"/>)
/// and on a whole page (<see cref="Resilience.PageMarkup"/>): event handlers, <c>srcdoc</c>, script URLs in any
/// URL attribute (srcset candidates included), and style that can load or evaluate something.
/// </summary>
public static partial class MarkupRules
{
    /// <summary>Parses as a browser with scripting on does, so <c>noscript</c> content is not mistaken for markup.</summary>
    public static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = true });

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "longdesc", "lowsrc",
        "dynsrc", "data", "codebase", "usemap", "manifest", "icon", "profile", "ping", "srcset", "imagesrcset",
    };

    /// <param name="formsAllowed">A page has the planet's own forms, whose targets <see cref="Resilience.PageMarkup"/> checks.</param>
    public static IEnumerable<string> AttributeProblems(IElement element, IAttr attribute, bool formsAllowed)
    {
        var name = attribute.Name;
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name is "srcdoc" or "formaction" || (name == "action" && !formsAllowed))
        {
            yield return $"{name} attribute on <{element.LocalName}>: {Short(element.OuterHtml)}";
        }

        if (name == "ping")
        {
            yield return $"ping attribute (a request to {attribute.Value} on every click) on <{element.LocalName}>";
        }

        if (UrlAttributes.Contains(name) && Urls(name, attribute.Value).Any(u => IsScriptUrl(element, name, u)))
        {
            yield return $"script-capable URL in {name} of <{element.LocalName}>: {attribute.Value}";
        }

        if (name == "style" && UnsafeStyle().IsMatch(Css(attribute.Value)))
        {
            yield return "unsafe style: " + attribute.Value;
        }
    }

    /// <summary>The style as CSS reads it: comments gone, escapes decoded (<c>u\72l(</c> is <c>url(</c>).</summary>
    private static string Css(string style)
    {
        var code = CssComment().Replace(style, string.Empty);
        return CssCharEscape().Replace(CssHexEscape().Replace(code, m => CodePoint(Convert.ToInt32(m.Groups[1].Value, 16))), "$1");
    }

    private static string CodePoint(int value) =>
        value is 0 or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF ? "\uFFFD" : char.ConvertFromUtf32(value);

    public static string Short(string html) => html.Length <= 200 ? html : html[..200] + "…";

    private static IEnumerable<string> Urls(string name, string value) =>
        name is "srcset" or "imagesrcset" ? value.Split(',').Select(c => c.Trim().Split(' ')[0]) : [value];

    private static bool IsScriptUrl(IElement element, string name, string url)
    {
        var squeezed = Squeeze().Replace(url, string.Empty).ToLowerInvariant();
        if (squeezed.StartsWith("data:", StringComparison.Ordinal))
        {
            return !(element.LocalName == "img" && name is "src" or "srcset" && InlineImage().IsMatch(squeezed));
        }

        return squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || squeezed.StartsWith("livescript:", StringComparison.Ordinal);
    }

    /// <summary>Browsers ignore control characters and whitespace anywhere in a scheme.</summary>
    [GeneratedRegex(@"[\u0000-\u0020\u007f]")]
    private static partial Regex Squeeze();

    [GeneratedRegex(@"^data:image/(png|gif|jpeg|webp);")]
    private static partial Regex InlineImage();

    [GeneratedRegex(@"expression|url\s*\(|javascript|vbscript|behavior|binding|@import", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeStyle();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    [GeneratedRegex(@"\\([0-9a-fA-F]{1,6})[ \t\n\f\r]?")]
    private static partial Regex CssHexEscape();

    [GeneratedRegex(@"\\(.)", RegexOptions.Singleline)]
    private static partial Regex CssCharEscape();
}
