using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace VirtPlanet.Tests.Feeds;

/// <summary>
/// Parses sanitized output the way a browser would and lists everything in it that could run code, load a
/// document, submit data or rewrite the page's URLs. An empty list means the markup is inert.
/// </summary>
public static partial class InertMarkup
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = true });

    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "object", "embed", "applet", "base", "meta", "link", "form", "style", "frame", "frameset",
        "svg", "math", "input", "button", "textarea", "select", "noscript", "template", "portal",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "longdesc", "lowsrc",
        "dynsrc", "data", "codebase", "usemap", "manifest", "icon", "profile", "ping", "srcset", "imagesrcset",
    };

    private static readonly string[] EmbedPrefixes =
        ["https://www.youtube.com/embed/", "https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"];

    public static List<string> Problems(string html)
    {
        using var document = Parser.ParseDocument("<!doctype html><html><body>" + html);
        var problems = new List<string>();
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (ForbiddenElements.Contains(element.LocalName))
            {
                problems.Add($"<{element.LocalName}> element");
            }

            if (element.LocalName == "iframe" && !IsSandboxedPlayer(element))
            {
                problems.Add("iframe that is not a sandboxed video player: " + element.OuterHtml);
            }

            problems.AddRange(element.Attributes.SelectMany(a => AttributeProblems(element, a)));
        }

        return problems;
    }

    private static bool IsSandboxedPlayer(IElement frame) =>
        frame.GetAttribute("sandbox") == "allow-scripts allow-same-origin allow-presentation"
        && !frame.HasAttribute("srcdoc")
        && EmbedPrefixes.Any(p => frame.GetAttribute("src")?.StartsWith(p, StringComparison.Ordinal) == true);

    private static IEnumerable<string> AttributeProblems(IElement element, IAttr attribute)
    {
        var name = attribute.Name;
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name is "srcdoc" or "formaction" or "action")
        {
            yield return $"{name} attribute on <{element.LocalName}>";
        }

        if (UrlAttributes.Contains(name) && Urls(name, attribute.Value).Any(u => IsScriptUrl(element, name, u)))
        {
            yield return $"script-capable URL in {name}: {attribute.Value}";
        }

        if (name == "style" && UnsafeStyle().IsMatch(CssComment().Replace(attribute.Value.Replace("\\", string.Empty), string.Empty)))
        {
            yield return "unsafe style: " + attribute.Value;
        }
    }

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
}
