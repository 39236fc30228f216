using System.Xml;
using System.Xml.Linq;

namespace VirtPlanet.Web.Feeds;

/// <summary>Reads the feed outlines of an OPML 1.0/2.0 document, nested categories included. No DTDs, no entities.</summary>
public static class OpmlReader
{
    public static IReadOnlyList<OpmlOutline> Read(Stream opml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 32 * 1024 * 1024 };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(opml, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedParseException($"Not a readable OPML document: {e.Message}", e);
        }

        if (document.Root?.Name.LocalName != "opml")
        {
            throw new FeedParseException("Not an OPML document: the root element is not <opml>.");
        }

        return document.Descendants("outline")
            .Select(o => (Url: Attribute(o, "xmlUrl") ?? Attribute(o, "xmlurl"), Outline: o))
            .Where(o => o.Url is not null)
            .Select(o => new OpmlOutline(o.Url!, Attribute(o.Outline, "title") ?? Attribute(o.Outline, "text"), Attribute(o.Outline, "htmlUrl")))
            .ToList();
    }

    private static string? Attribute(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
