using System.Globalization;
using System.Xml.Linq;
using static VirtPlanet.Web.Feeds.FeedNamespaces;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Reads feed bytes (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) into a normalised <see cref="ParsedFeed"/>. Knows XML, not
/// HTTP or the database. Thread-safe and stateless. Anything unreadable is a <see cref="FeedParseException"/>.
/// </summary>
/// <remarks>
/// The text is loaded once, safely (<see cref="SafeXml"/>); the channel, the items and everything in them are read
/// from that one XDocument.
/// </remarks>
public sealed class FeedParser
{
    public ParsedFeed Parse(byte[] body, string? contentType, Uri feedUrl)
    {
        try
        {
            return ParseXml(XmlDecoding.Decode(body, contentType), feedUrl);
        }
        catch (FeedParseException)
        {
            throw;
        }
        catch (Exception e)
        {
            // The contract: a bad document never escapes as anything but a FeedParseException.
            throw new FeedParseException($"Not a readable feed: {e.Message}", e);
        }
    }

    private static ParsedFeed ParseXml(string text, Uri feedUrl)
    {
        RejectNonXml(text);
        var document = SafeXml.Load(text);
        var channel = Channel(document.Root!);
        var context = Context(channel, feedUrl);
        var items = ReadItems(document, channel);
        var entries = items.Select(item => EntryReader.Read(item, context)).ToList();
        return new ParsedFeed(context.Title, context.SiteUrl, Ttl(channel), EntryKeys.Assign(entries));
    }

    /// <summary>
    /// The item elements: Atom's entries in the feed, RSS 0.9x/2.0's items in the channel, RSS 1.0's items beside
    /// the channel. Read from the document already loaded: a second parse of its serialised copy (by a feed
    /// library) cost as much as the first one and found the same elements.
    /// </summary>
    private static List<XElement> ReadItems(XDocument document, XElement channel)
    {
        var itemName = channel.Name.LocalName == "feed" ? "entry" : "item";
        var root = document.Root!;
        var parents = channel == root ? [root] : new[] { channel, root };
        return parents.SelectMany(p => p.Elements()).Where(e => e.Name.LocalName == itemName).ToList();
    }

    private static void RejectNonXml(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedParseException("Not a feed: the document is HTML");
        }

        if (start.IsEmpty)
        {
            throw new FeedParseException("Not a feed: the document is empty");
        }

        if (start[0] != '<')
        {
            throw new FeedParseException(start[0] is '{' or '['
                ? "Not a feed: the document is JSON, and JSON Feed is not supported"
                : "Not a feed: the document is not XML");
        }
    }

    /// <summary>The element holding the feed's own metadata: Atom's feed, RSS's channel.</summary>
    private static XElement Channel(XElement root)
    {
        var name = root.Name.LocalName.ToLowerInvariant();
        return name switch
        {
            "feed" => root,
            "rss" or "rdf" => root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") ?? root,
            "html" => throw new FeedParseException("Not a feed: the document is HTML"),
            _ => throw new FeedParseException($"Not a feed: the root element is <{root.Name.LocalName}>"),
        };
    }

    private static FeedContext Context(XElement channel, Uri feedUrl)
    {
        var ns = channel.Name.Namespace;
        var title = TextConstructs.Plain(channel.Element(ns + "title") ?? channel.Element(Dc + "title"));
        var siteUrl = FeedLinks.Alternate(channel, feedUrl);
        return new FeedContext(feedUrl, siteUrl, EntryAuthor.Find(channel), title.Length == 0 ? null : title);
    }

    private static TimeSpan? Ttl(XElement channel) =>
        int.TryParse(channel.Element(channel.Name.Namespace + "ttl")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes is > 0 and < 525_600
            ? TimeSpan.FromMinutes(minutes)
            : null;
}
