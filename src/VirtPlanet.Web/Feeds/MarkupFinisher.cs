using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace VirtPlanet.Web.Feeds;

/// <summary>Rules the sanitizer's flat allow-lists cannot say, applied to its output.</summary>
internal static partial class MarkupFinisher
{
    /// <summary>
    /// Links in aggregated posts are the authors', not the planet's: <c>nofollow ugc</c> tells search engines
    /// so (and makes a hijacked feed worthless for link spam); <c>noopener</c> guards a link a reader opens in a
    /// new tab. No <c>noreferrer</c>: authors like to see that readers came from the planet.
    /// </summary>
    public const string LinkRel = "nofollow ugc noopener";

    public static void Apply(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            switch (element.LocalName)
            {
                case "a":
                    element.SetAttribute("rel", LinkRel);
                    break;
                case "audio" or "video":
                    element.SetAttribute("controls", string.Empty);
                    break;
                case "source" when !IsPlacedSource(element):
                    element.Remove();
                    continue;
            }

            KeepLanguageClassOnly(element);
        }
    }

    /// <summary>A source belongs in picture (an image choice) or in audio/video (a media file), nowhere else.</summary>
    private static bool IsPlacedSource(IElement source) => source.ParentElement?.LocalName switch
    {
        "picture" => source.HasAttribute("srcset"),
        "audio" or "video" => source.HasAttribute("src"),
        _ => false,
    };

    /// <summary>
    /// Classes could dress a post in the planet's own styles (a fake notice, hidden text), so they go, except the
    /// <c>language-*</c> hint on code that highlighters read.
    /// </summary>
    private static void KeepLanguageClassOnly(IElement element)
    {
        var classes = element.GetAttribute("class");
        if (classes is null)
        {
            return;
        }

        var kept = KeptClasses(element.LocalName, classes);
        if (kept is null)
        {
            element.RemoveAttribute("class");
        }
        else
        {
            element.SetAttribute("class", kept);
        }
    }

    /// <summary>What is left of the class attribute <paramref name="classes"/> of a <paramref name="localName"/>; null when nothing is.</summary>
    public static string? KeptClasses(string localName, string classes)
    {
        var kept = localName is "pre" or "code"
            ? classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(c => LanguageClass().IsMatch(c)).ToList()
            : [];
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    [GeneratedRegex(@"^(?:language|lang)-[a-z0-9+#_.-]{1,40}$", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageClass();
}
