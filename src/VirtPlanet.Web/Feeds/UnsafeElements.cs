using AngleSharp.Dom;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Elements removed together with their content before the sanitizer runs. The sanitizer unwraps every other
/// element it does not know (keeping its text), which is right for <c>font</c> or <c>center</c> but would turn a
/// script body or a form's option list into visible text. <c>object</c> and <c>applet</c> are not listed: the
/// sanitizer removes them but keeps their fallback content, which is ordinary markup meant for readers.
/// </summary>
internal static class UnsafeElements
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "noembed", "noframes", "template", "embed", "param",
        "svg", "math", "frame", "frameset", "head", "title", "meta", "link", "base", "input", "select", "textarea",
        "button", "option", "optgroup", "datalist", "keygen", "xmp", "plaintext", "canvas", "dialog", "portal",
    };

    public static void Remove(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*").Where(e => Names.Contains(e.LocalName)).ToList())
        {
            element.Remove();
        }
    }
}
