using System.Text.Encodings.Web;
using System.Text.Json;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Syndication;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
public static class JsonFeedWriter
{
    // Served as its own document, never inlined into a page, so HTML-sensitive characters need no escaping;
    // strings are still cleaned, since an unpaired surrogate cannot be encoded as UTF-8.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static void Write(Stream output, RiverFeed feed)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteString("version", "https://jsonfeed.org/version/1.1");
        WriteClean(writer, "title", feed.Title);
        writer.WriteString("home_page_url", feed.Alternate.AbsoluteUri);
        writer.WriteString("feed_url", feed.Self.AbsoluteUri);
        WriteClean(writer, "description", feed.Subtitle);
        writer.WriteStartArray("items");
        foreach (var post in feed.Posts)
        {
            WriteItem(writer, feed, post);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter writer, RiverFeed feed, Post post)
    {
        writer.WriteStartObject();
        WriteClean(writer, "id", feed.IdOf(post));
        WriteClean(writer, "url", post.Link);
        WriteClean(writer, "title", post.Title);
        WriteClean(writer, "content_html", post.ContentHtml ?? string.Empty);
        writer.WriteString("date_published", FeedDates.Rfc3339(post.PublishedAt));
        writer.WriteString("date_modified", FeedDates.Rfc3339(RiverFeed.UpdatedOf(post)));
        writer.WriteStartArray("authors");
        writer.WriteStartObject();
        WriteClean(writer, "name", RiverFeed.AuthorOf(post));
        WriteClean(writer, "url", post.Feed?.SiteUrl);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteClean(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, XmlChars.ForOutput(value));
        }
    }
}
