using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// Parses a whole page the way a browser would and lists whatever in it could run code or load something other
/// than the planet's own: <see cref="Feeds.InertMarkup"/> for pages, where the framework's script, the
/// <c>base</c> element and the planet's own forms belong.
/// </summary>
public static partial class PageMarkup
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = true });

    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "object", "embed", "applet", "frame", "frameset", "iframe", "svg", "math", "style", "template", "noscript", "portal",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "longdesc", "lowsrc",
        "dynsrc", "data", "codebase", "usemap", "manifest", "icon", "profile", "ping", "srcset", "imagesrcset",
    };

    public static List<string> Problems(string html)
    {
        using var document = Parser.ParseDocument(html);
        var problems = new List<string>();
        foreach (var element in document.All)
        {
            problems.AddRange(ElementProblems(element));
            problems.AddRange(element.Attributes.SelectMany(a => AttributeProblems(element, a)));
        }

        return problems;
    }

    private static IEnumerable<string> ElementProblems(IElement element)
    {
        var name = element.LocalName;
        if (ForbiddenElements.Contains(name))
        {
            yield return $"<{name}> element: {Short(element.OuterHtml)}";
        }

        if (name == "script" && (element.GetAttribute("src") is not ("_framework/blazor.web.js" or "/_framework/blazor.web.js") || element.TextContent.Trim().Length > 0))
        {
            yield return "script that is not the framework's: " + Short(element.OuterHtml);
        }

        if (name == "base" && element.GetAttribute("href") != "/")
        {
            yield return "base element: " + element.OuterHtml;
        }

        if (name == "meta" && element.HasAttribute("http-equiv"))
        {
            yield return "meta http-equiv: " + element.OuterHtml;
        }

        if (name == "link" && !IsOwn(element.GetAttribute("href")))
        {
            yield return "link to elsewhere: " + element.OuterHtml;
        }

        if (name == "form" && !IsOwn(element.GetAttribute("action") ?? "/"))
        {
            yield return "form posting elsewhere: " + Short(element.OuterHtml);
        }
    }

    private static IEnumerable<string> AttributeProblems(IElement element, IAttr attribute)
    {
        var name = attribute.Name;
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name is "srcdoc" or "formaction")
        {
            yield return $"{name} attribute on <{element.LocalName}>: {Short(element.OuterHtml)}";
        }

        if (UrlAttributes.Contains(name) && IsScriptUrl(element, attribute.Value))
        {
            yield return $"script-capable URL in {name} of <{element.LocalName}>: {attribute.Value}";
        }

        if (name == "style" && UnsafeStyle().IsMatch(attribute.Value.Replace("\\", string.Empty)))
        {
            yield return "unsafe style: " + attribute.Value;
        }
    }

    /// <summary>A same-origin address (relative, not protocol-relative); the planet's forms and stylesheets use those.</summary>
    private static bool IsOwn(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Relative, out _) && !url.StartsWith("//", StringComparison.Ordinal);

    private static bool IsScriptUrl(IElement element, string url)
    {
        var squeezed = Squeeze().Replace(url, string.Empty).ToLowerInvariant();
        if (squeezed.StartsWith("data:", StringComparison.Ordinal))
        {
            return !(element.LocalName == "img" && InlineImage().IsMatch(squeezed));
        }

        return squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || squeezed.StartsWith("livescript:", StringComparison.Ordinal);
    }

    private static string Short(string html) => html.Length <= 200 ? html : html[..200] + "…";

    /// <summary>Browsers ignore control characters and whitespace anywhere in a scheme.</summary>
    [GeneratedRegex(@"[\u0000-\u0020\u007f]")]
    private static partial Regex Squeeze();

    [GeneratedRegex(@"^data:image/(png|gif|jpeg|webp);")]
    private static partial Regex InlineImage();

    [GeneratedRegex(@"expression|url\s*\(|javascript|vbscript|behavior|binding|@import", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeStyle();
}
