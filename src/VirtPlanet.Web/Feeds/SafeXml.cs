using System.Xml;
using System.Xml.Linq;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Loads untrusted feed text without touching the network or disk: external entities and DTDs are never
/// fetched (no resolver), and internal entities may expand to a few kilobytes only, so an entity bomb
/// ("billion laughs") fails as a parse error instead of eating memory.
/// </summary>
public static class SafeXml
{
    private const int MaxCharactersFromEntities = 64 * 1024;

    public static XDocument Load(string text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = MaxCharactersFromEntities,
            CheckCharacters = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(HtmlEntities.MakeXmlSafe(text)), settings);
            var document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            document.DocumentType?.Remove();
            return document;
        }
        catch (XmlException e)
        {
            throw new FeedParseException($"Not well-formed XML at line {e.LineNumber}: {e.Message}", e);
        }
    }
}
