using AngleSharp.Dom;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Feeds;

/// <summary>
/// Parses sanitized output the way a browser would and lists everything in it that could run code, load a
/// document, submit data or rewrite the page's URLs. An empty list means the markup is inert.
/// </summary>
public static class InertMarkup
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "object", "embed", "applet", "base", "meta", "link", "form", "style", "frame", "frameset",
        "svg", "math", "input", "button", "textarea", "select", "noscript", "template", "portal",
    };

    private static readonly string[] EmbedPrefixes =
        ["https://www.youtube.com/embed/", "https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/"];

    public static List<string> Problems(string html)
    {
        using var document = MarkupRules.Parser.ParseDocument("<!doctype html><html><body>" + html);
        var problems = new List<string>();
        // A <body> or <html> tag inside the fragment lends its attributes to the page's own element: checked too.
        foreach (var element in document.Body!.QuerySelectorAll("*").Prepend(document.Body).Prepend(document.DocumentElement))
        {
            if (ForbiddenElements.Contains(element.LocalName))
            {
                problems.Add($"<{element.LocalName}> element");
            }

            if (element.LocalName == "iframe" && !IsSandboxedPlayer(element))
            {
                problems.Add("iframe that is not a sandboxed video player: " + element.OuterHtml);
            }

            problems.AddRange(element.Attributes.SelectMany(a => MarkupRules.AttributeProblems(element, a, formsAllowed: false)));
        }

        return problems;
    }

    private static bool IsSandboxedPlayer(IElement frame) =>
        frame.GetAttribute("sandbox") == "allow-scripts allow-same-origin allow-presentation"
        && !frame.HasAttribute("srcdoc")
        && EmbedPrefixes.Any(p => frame.GetAttribute("src")?.StartsWith(p, StringComparison.Ordinal) == true);
}
