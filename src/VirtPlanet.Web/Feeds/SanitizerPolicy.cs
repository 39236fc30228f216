using System.Text.RegularExpressions;
using Ganss.Xss;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// The allow-lists of the post sanitizer: elements, attributes, CSS properties and URL schemes a technical
/// blog post needs, and nothing that can run code. docs/sanitizer.md explains each choice.
/// </summary>
internal static partial class SanitizerPolicy
{
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "kbd", "samp", "var", "tt",
        "blockquote", "q", "cite", "dfn", "address", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "figure", "figcaption", "img", "picture", "source", "audio", "video", "iframe", "a",
        "em", "strong", "b", "i", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "big", "mark",
        "abbr", "acronym", "span", "div", "details", "summary", "time", "wbr", "bdi", "bdo", "ruby", "rt", "rp",
    ];

    private static readonly string[] Attributes =
    [
        "title", "lang", "dir", "class", "style",
        "href", "hreflang", "src", "srcset", "sizes", "alt", "width", "height", "poster", "cite", "datetime",
        "colspan", "rowspan", "align", "valign", "span", "scope", "headers", "abbr", "border", "cellpadding", "cellspacing",
        "start", "reversed", "type", "value", "open", "controls", "preload", "loop", "muted", "playsinline", "media",
    ];

    private static readonly string[] CssProperties =
    [
        "color", "background-color", "text-align", "vertical-align", "white-space", "list-style-type",
        "font-weight", "font-style", "text-decoration", "text-decoration-line", "text-decoration-style", "text-decoration-color",
        "width", "max-width", "height", "border-collapse", .. Sides("margin", ""), .. Sides("padding", ""),
        "border", "border-width", "border-style", "border-color",
        .. Sides("border", "-width"), .. Sides("border", "-style"), .. Sides("border", "-color"), .. Sides("border", ""),
    ];

    /// <summary>Attributes whose value is one URL, screened by scheme and resolved against the base.</summary>
    private static readonly string[] UrlAttributes = ["href", "src", "poster", "cite"];

    private static readonly string[] Schemes = ["http", "https", "mailto"];

    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true, AllowDataAttributes = false, AllowCssCustomProperties = false };
        Replace(sanitizer.AllowedTags, Tags);
        Replace(sanitizer.AllowedAttributes, Attributes);
        Replace(sanitizer.AllowedCssProperties, CssProperties);
        Replace(sanitizer.UriAttributes, UrlAttributes);
        Replace(sanitizer.UriListAttributes, ["srcset"]);
        Replace(sanitizer.AllowedSchemes, Schemes);
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.DisallowCssPropertyValue = UnsafeCssValue();
        sanitizer.FilterUrl += ScreenUrl;
        return sanitizer;
    }

    /// <summary>
    /// Protocol-relative URLs become https (a post must not depend on how the planet is served), and inline
    /// raster images survive in img only: those cannot carry script, unlike data:text/html or SVG.
    /// </summary>
    private static void ScreenUrl(object? sender, FilterUrlEventArgs e)
    {
        var original = e.OriginalUrl.Trim();
        if (original.StartsWith("//", StringComparison.Ordinal))
        {
            e.SanitizedUrl = Uri.TryCreate("https:" + original, UriKind.Absolute, out var https) ? https.AbsoluteUri : null;
        }
        else if (e.SanitizedUrl is null && e.Tag.LocalName == "img" && InlineImage().IsMatch(original))
        {
            e.SanitizedUrl = original;
        }
    }

    private static IEnumerable<string> Sides(string property, string suffix) =>
        new[] { "top", "right", "bottom", "left" }.Select(side => $"{property}-{side}{suffix}").Prepend(property + suffix);

    private static void Replace<T>(ISet<T> set, IEnumerable<T> values)
    {
        set.Clear();
        set.UnionWith(values);
    }

    [GeneratedRegex(@"^data:image/(?:png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineImage();

    /// <summary>
    /// Values refused for every allowed property: markup, escapes, negative lengths (a negative margin lays a
    /// post over the page around it), and every function that loads or computes something.
    /// </summary>
    [GeneratedRegex(@"[<>\\]|-\s*[\d.]|\b(?:expression|url|image|image-set|cross-fade|element|paint|calc|min|max|clamp|var|env|attr)\s*\(|javascript|vbscript|behavior|binding", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeCssValue();
}
