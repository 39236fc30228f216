using System.Xml;

namespace VirtPlanet.Web.Admin;

/// <summary>What a document is, from its root element: a feed's format, or null for a web page (or anything else).</summary>
public static class FeedKind
{
    public static string? Sniff(byte[] body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            reader.MoveToContent();
            return reader.LocalName switch
            {
                "feed" when reader.NamespaceURI == "http://www.w3.org/2005/Atom" => "Atom",
                "rss" => $"RSS {reader.GetAttribute("version") ?? "2.0"}",
                "RDF" => "RSS 1.0 (RDF)",
                _ => null,
            };
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
