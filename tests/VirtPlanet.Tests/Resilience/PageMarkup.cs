using AngleSharp.Dom;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// Parses a whole page the way a browser would and lists whatever in it could run code or load something other
/// than the planet's own: <see cref="Feeds.InertMarkup"/> for pages, where the framework's script, the
/// <c>base</c> element and the planet's own forms belong.
/// </summary>
public static class PageMarkup
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "object", "embed", "applet", "frame", "frameset", "iframe", "svg", "math", "style", "template", "noscript", "portal",
    };

    public static List<string> Problems(string html)
    {
        using var document = MarkupRules.Parser.ParseDocument(html);
        var problems = new List<string>();
        foreach (var element in document.All)
        {
            problems.AddRange(ElementProblems(element));
            problems.AddRange(element.Attributes.SelectMany(a => MarkupRules.AttributeProblems(element, a, formsAllowed: true)));
        }

        return problems;
    }

    private static IEnumerable<string> ElementProblems(IElement element)
    {
        var name = element.LocalName;
        if (ForbiddenElements.Contains(name))
        {
            yield return $"<{name}> element: {MarkupRules.Short(element.OuterHtml)}";
        }

        if (name == "script" && (element.GetAttribute("src") is not ("_framework/blazor.web.js" or "/_framework/blazor.web.js") || element.TextContent.Trim().Length > 0))
        {
            yield return "script that is not the framework's: " + MarkupRules.Short(element.OuterHtml);
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
            yield return "form posting elsewhere: " + MarkupRules.Short(element.OuterHtml);
        }
    }

    /// <summary>A same-origin address (relative, not protocol-relative); the planet's forms and stylesheets use those.</summary>
    private static bool IsOwn(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Relative, out _) && !url.StartsWith("//", StringComparison.Ordinal);
}
