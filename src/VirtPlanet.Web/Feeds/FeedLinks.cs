using System.Xml.Linq;
using static VirtPlanet.Web.Feeds.FeedNamespaces;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// The alternate (human-readable) link of a feed or entry, absolute and http(s) only: the pages and the outputs
/// make it a link, so a <c>javascript:</c>, <c>vbscript:</c> or <c>data:</c> one would run when clicked.
/// </summary>
public static class FeedLinks
{
    public static string? Alternate(XElement element, Uri documentUrl)
    {
        var ns = element.Name.Namespace;
        if (!IsAtom(ns))
        {
            var rss = element.Element(ns + "link");
            if (rss is not null && Web(XmlBase.Absolute(rss.Value, rss, documentUrl)) is { } link)
            {
                return link;
            }
        }

        var atomLink = AtomAlternate(element, IsAtom(ns) ? ns : Atom10);
        return atomLink is null ? null : Web(XmlBase.Absolute(Href(atomLink), atomLink, documentUrl));
    }

    /// <summary>The URL when it is an absolute http or https one, else null.</summary>
    public static string? Web(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && MarkupUrl.IsHttp(uri) ? url : null;

    /// <summary>href, or the element's text as some generators write it.</summary>
    private static string? Href(XElement link) => link.Attribute("href")?.Value ?? link.Value;

    /// <summary>rel="alternate" (the default rel), preferring an HTML type; else none.</summary>
    private static XElement? AtomAlternate(XElement element, XNamespace atom)
    {
        var alternates = element.Elements(atom + "link")
            .Where(l => l.Attribute("rel")?.Value.Trim() is null or "" or "alternate" or "http://www.iana.org/assignments/relation/alternate")
            .Where(l => !string.IsNullOrWhiteSpace(Href(l)))
            .ToList();
        return alternates.FirstOrDefault(l => l.Attribute("type")?.Value.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
            ?? alternates.FirstOrDefault();
    }

    /// <summary>An RSS guid that is a permalink (isPermaLink is not "false") and looks like a web address.</summary>
    public static string? PermalinkGuid(XElement item, Uri documentUrl)
    {
        var guid = item.Element(item.Name.Namespace + "guid");
        if (guid is null || string.Equals(guid.Attribute("isPermaLink")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = guid.Value.Trim();
        return value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? Web(XmlBase.Absolute(value, guid, documentUrl))
            : null;
    }
}
