using System.Xml;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Syndication;

/// <summary>RSS 2.0 with the usual extensions: <c>dc:creator</c>, <c>content:encoded</c> and an <c>atom:link rel="self"</c>.</summary>
public static class Rss20Writer
{
    public const string DcNs = "http://purl.org/dc/elements/1.1/";
    public const string ContentNs = "http://purl.org/rss/1.0/modules/content/";

    public static void Write(Stream output, RiverFeed feed)
    {
        using var writer = SyndicationXml.Create(output);
        writer.WriteStartDocument();
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "dc", null, DcNs);
        writer.WriteAttributeString("xmlns", "content", null, ContentNs);
        writer.WriteAttributeString("xmlns", "atom", null, AtomWriter.Ns);
        writer.WriteStartElement("channel");
        writer.WriteText("title", string.Empty, feed.Title);
        writer.WriteText("link", string.Empty, feed.Alternate.AbsoluteUri);
        writer.WriteText("description", string.Empty, feed.Subtitle ?? feed.Title);
        writer.WriteText("lastBuildDate", string.Empty, FeedDates.Rfc822(feed.Updated));
        writer.WriteText("generator", string.Empty, $"{RiverFeed.Generator} {RiverFeed.GeneratorVersion}");
        writer.WriteText("docs", string.Empty, "https://www.rssboard.org/rss-specification");
        writer.WriteLink(AtomWriter.Ns, "self", feed.Self.AbsoluteUri, "application/rss+xml");
        foreach (var post in feed.Posts)
        {
            WriteItem(writer, feed, post);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteItem(XmlWriter writer, RiverFeed feed, Post post)
    {
        writer.WriteStartElement("item");
        writer.WriteText("title", string.Empty, post.Title);
        writer.WriteText("link", string.Empty, post.Link);
        var isPermaLink = post.Link is not null && post.EntryKey == post.Link;
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", isPermaLink ? "true" : "false");
        writer.WriteString(XmlChars.ForOutput(isPermaLink ? post.EntryKey : feed.IdOf(post)));
        writer.WriteEndElement();
        writer.WriteText("pubDate", string.Empty, FeedDates.Rfc822(post.PublishedAt));
        writer.WriteText("creator", DcNs, RiverFeed.AuthorOf(post));
        writer.WriteText("description", string.Empty, post.SummaryHtml);
        writer.WriteText("encoded", ContentNs, post.ContentHtml);
        if (post.Feed is { } source)
        {
            writer.WriteStartElement("source");
            writer.WriteAttributeString("url", XmlChars.ForOutput(source.Url));
            writer.WriteString(XmlChars.ForOutput(source.Name));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
