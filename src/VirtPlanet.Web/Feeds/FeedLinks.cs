using System.Xml.Linq;
using static VirtPlanet.Web.Feeds.FeedNamespaces;

namespace VirtPlanet.Web.Feeds;

/// <summary>The alternate (human-readable) link of a feed or entry, absolute.</summary>
public static class FeedLinks
{
    public static string? Alternate(XElement element, Uri documentUrl)
    {
        var ns = element.Name.Namespace;
        if (!IsAtom(ns))
        {
            var rss = element.Element(ns + "link");
            if (rss is not null && XmlBase.Absolute(rss.Value, rss, documentUrl) is { } link)
            {
                return link;
            }
        }

        var atomLink = AtomAlternate(element, IsAtom(ns) ? ns : Atom10);
        return atomLink is null ? null : XmlBase.Absolute(Href(atomLink), atomLink, documentUrl);
    }

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
            ? XmlBase.Absolute(value, guid, documentUrl)
            : null;
    }
}
