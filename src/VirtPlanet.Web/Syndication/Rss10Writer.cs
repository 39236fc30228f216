using System.Xml;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Syndication;

/// <summary>RSS 1.0: RDF/XML whose channel lists its items in an <c>rdf:Seq</c>; dates in <c>dc:date</c>.</summary>
public static class Rss10Writer
{
    public const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string RssNs = "http://purl.org/rss/1.0/";

    public static void Write(Stream output, RiverFeed feed)
    {
        using var writer = SyndicationXml.Create(output);
        writer.WriteStartDocument();
        writer.WriteStartElement("rdf", "RDF", RdfNs);
        writer.WriteAttributeString("xmlns", RssNs);
        writer.WriteAttributeString("xmlns", "dc", null, Rss20Writer.DcNs);
        writer.WriteAttributeString("xmlns", "content", null, Rss20Writer.ContentNs);
        writer.WriteStartElement("channel", RssNs);
        writer.WriteAttributeString("about", RdfNs, feed.Self.AbsoluteUri);
        writer.WriteText("title", RssNs, feed.Title);
        writer.WriteText("link", RssNs, feed.Alternate.AbsoluteUri);
        writer.WriteText("description", RssNs, feed.Subtitle ?? feed.Title);
        writer.WriteText("date", Rss20Writer.DcNs, FeedDates.Rfc3339(feed.Updated));
        writer.WriteStartElement("items", RssNs);
        writer.WriteStartElement("Seq", RdfNs);
        foreach (var post in feed.Posts)
        {
            writer.WriteStartElement("li", RdfNs);
            writer.WriteAttributeString("resource", RdfNs, XmlChars.ForOutput(feed.IdOf(post)));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        foreach (var post in feed.Posts)
        {
            WriteItem(writer, feed, post);
        }

        writer.WriteEndElement();
    }

    private static void WriteItem(XmlWriter writer, RiverFeed feed, Post post)
    {
        writer.WriteStartElement("item", RssNs);
        writer.WriteAttributeString("about", RdfNs, XmlChars.ForOutput(feed.IdOf(post)));
        writer.WriteText("title", RssNs, post.Title);
        writer.WriteText("link", RssNs, post.Link ?? feed.IdOf(post));
        writer.WriteText("creator", Rss20Writer.DcNs, RiverFeed.AuthorOf(post));
        writer.WriteText("date", Rss20Writer.DcNs, FeedDates.Rfc3339(post.PublishedAt));
        writer.WriteText("description", RssNs, post.SummaryHtml);
        writer.WriteText("encoded", Rss20Writer.ContentNs, post.ContentHtml);
        writer.WriteEndElement();
    }
}
