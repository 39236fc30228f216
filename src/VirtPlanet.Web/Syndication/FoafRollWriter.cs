using System.Xml;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Syndication;

/// <summary>
/// The FOAF roll of Planet Venus's foafroll.xml template: the planet as a <c>foaf:Group</c> whose members are the
/// subscribed people, each with their weblog and its feed (<c>rdfs:seeAlso</c> an <c>rss:channel</c>).
/// </summary>
public static class FoafRollWriter
{
    public const string FoafNs = "http://xmlns.com/foaf/0.1/";
    public const string RdfsNs = "http://www.w3.org/2000/01/rdf-schema#";

    public static void Write(Stream output, string title, Uri planet, Uri self, IEnumerable<Feed> feeds)
    {
        using var writer = SyndicationXml.Create(output);
        writer.WriteStartDocument();
        writer.WriteStartElement("rdf", "RDF", Rss10Writer.RdfNs);
        writer.WriteAttributeString("xmlns", "rdfs", null, RdfsNs);
        writer.WriteAttributeString("xmlns", "foaf", null, FoafNs);
        writer.WriteAttributeString("xmlns", "rss", null, Rss10Writer.RssNs);
        writer.WriteAttributeString("xmlns", "dc", null, Rss20Writer.DcNs);
        writer.WriteStartElement("Group", FoafNs);
        writer.WriteText("name", FoafNs, title);
        WriteResource(writer, "homepage", FoafNs, planet.AbsoluteUri);
        WriteResource(writer, "seeAlso", RdfsNs, self.AbsoluteUri);
        foreach (var feed in feeds.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id))
        {
            WriteMember(writer, feed);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteMember(XmlWriter writer, Feed feed)
    {
        writer.WriteStartElement("member", FoafNs);
        writer.WriteStartElement("Agent", FoafNs);
        writer.WriteText("name", FoafNs, feed.Name);
        writer.WriteStartElement("weblog", FoafNs);
        writer.WriteStartElement("Document", FoafNs);
        if (feed.SiteUrl is not null)
        {
            writer.WriteAttributeString("about", Rss10Writer.RdfNs, XmlChars.ForOutput(feed.SiteUrl));
        }

        writer.WriteText("title", Rss20Writer.DcNs, feed.Title ?? feed.Name);
        writer.WriteStartElement("seeAlso", RdfsNs);
        writer.WriteStartElement("channel", Rss10Writer.RssNs);
        writer.WriteAttributeString("about", Rss10Writer.RdfNs, XmlChars.ForOutput(feed.Url));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteResource(XmlWriter writer, string localName, string ns, string uri)
    {
        writer.WriteStartElement(localName, ns);
        writer.WriteAttributeString("resource", Rss10Writer.RdfNs, XmlChars.ForOutput(uri));
        writer.WriteEndElement();
    }
}
