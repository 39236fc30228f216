using System.Xml;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Syndication;

/// <summary>Atom 1.0 (RFC 4287); each entry names its original feed in <c>atom:source</c>, as Planet Venus did.</summary>
public static class AtomWriter
{
    public const string Ns = "http://www.w3.org/2005/Atom";

    public static void Write(Stream output, RiverFeed feed)
    {
        using var writer = SyndicationXml.Create(output);
        writer.WriteStartDocument();
        writer.WriteStartElement("feed", Ns);
        writer.WriteText("id", Ns, feed.Id);
        writer.WriteText("title", Ns, feed.Title);
        writer.WriteText("subtitle", Ns, feed.Subtitle);
        writer.WriteText("updated", Ns, FeedDates.Rfc3339(feed.Updated));
        writer.WriteLink(Ns, "self", feed.Self.AbsoluteUri, "application/atom+xml");
        writer.WriteLink(Ns, "alternate", feed.Alternate.AbsoluteUri, "text/html");
        writer.WriteStartElement("generator", Ns);
        writer.WriteAttributeString("uri", feed.Planet.AbsoluteUri);
        writer.WriteAttributeString("version", RiverFeed.GeneratorVersion);
        writer.WriteString(RiverFeed.Generator);
        writer.WriteEndElement();
        foreach (var post in feed.Posts)
        {
            WriteEntry(writer, feed, post);
        }

        writer.WriteEndElement();
    }

    private static void WriteEntry(XmlWriter writer, RiverFeed feed, Post post)
    {
        writer.WriteStartElement("entry", Ns);
        writer.WriteText("id", Ns, feed.IdOf(post));
        WriteTextConstruct(writer, "title", "text", post.Title);
        writer.WriteLink(Ns, "alternate", post.Link, "text/html");
        writer.WriteText("published", Ns, FeedDates.Rfc3339(post.PublishedAt));
        writer.WriteText("updated", Ns, FeedDates.Rfc3339(RiverFeed.UpdatedOf(post)));
        writer.WriteStartElement("author", Ns);
        writer.WriteText("name", Ns, RiverFeed.AuthorOf(post));
        writer.WriteText("uri", Ns, post.Feed?.SiteUrl);
        writer.WriteEndElement();
        if (post.SummaryHtml is not null)
        {
            WriteTextConstruct(writer, "summary", "html", post.SummaryHtml);
        }

        // Always present: an entry without an alternate link must have content, and the sanitized HTML is ours to give.
        WriteTextConstruct(writer, "content", "html", post.ContentHtml ?? string.Empty);
        if (post.Feed is { } source)
        {
            WriteSource(writer, source, feed.SourceUpdatedOf(source.Id));
        }

        writer.WriteEndElement();
    }

    private static void WriteSource(XmlWriter writer, Feeds.Feed source, DateTime updated)
    {
        writer.WriteStartElement("source", Ns);
        writer.WriteText("id", Ns, source.Url);
        writer.WriteText("title", Ns, source.Name);
        writer.WriteLink(Ns, "alternate", source.SiteUrl, "text/html");
        writer.WriteLink(Ns, "self", source.Url);
        writer.WriteText("updated", Ns, FeedDates.Rfc3339(updated));
        writer.WriteEndElement();
    }

    private static void WriteTextConstruct(XmlWriter writer, string name, string type, string text)
    {
        writer.WriteStartElement(name, Ns);
        writer.WriteAttributeString("type", type);
        writer.WriteString(XmlChars.ForOutput(text));
        writer.WriteEndElement();
    }
}
