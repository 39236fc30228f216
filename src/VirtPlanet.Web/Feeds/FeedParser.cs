using System.Security.Cryptography;
using System.Text;
using CodeHollow.FeedReader;

namespace VirtPlanet.Web.Feeds;

/// <summary>Reads feed bytes into a <see cref="ParsedFeed"/>. Knows XML, not HTTP or the database.</summary>
/// <remarks>FIRST CUT: to be replaced by the full normaliser (charset, dates, authors, ids, xml:base).</remarks>
public sealed class FeedParser
{
    public ParsedFeed Parse(byte[] body, string? contentType, Uri feedUrl)
    {
        CodeHollow.FeedReader.Feed feed;
        try
        {
            feed = FeedReader.ReadFromByteArray(body);
        }
        catch (Exception e)
        {
            throw new FeedParseException($"Not a readable feed: {e.Message}", e);
        }

        var entries = feed.Items.Select(item => new ParsedEntry
        {
            Key = item.Id ?? item.Link ?? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(item.Title + item.PublishingDateString))),
            Title = item.Title ?? string.Empty,
            Link = item.Link,
            Author = item.Author ?? feed.Title ?? feedUrl.Host,
            ContentHtml = item.Content ?? item.Description,
            Published = item.PublishingDate?.ToUniversalTime(),
            BaseUri = item.Link is null ? feedUrl : new Uri(feedUrl, item.Link),
        }).ToList();
        return new ParsedFeed(feed.Title, feed.Link, null, entries);
    }
}
