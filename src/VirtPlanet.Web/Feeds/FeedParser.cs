using System.Globalization;
using System.Xml.Linq;
using CodeHollow.FeedReader.Feeds;
using static VirtPlanet.Web.Feeds.FeedNamespaces;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Reads feed bytes (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) into a normalised <see cref="ParsedFeed"/>. Knows XML, not
/// HTTP or the database. Thread-safe and stateless. Anything unreadable is a <see cref="FeedParseException"/>.
/// </summary>
/// <remarks>
/// CodeHollow.FeedReader's feed model finds the items; it only ever sees the document we loaded safely first
/// (<see cref="SafeXml"/>). What it does not expose (xml:base, content:encoded, dc:*, XHTML content, authors
/// inside RSS) is read from each item's XElement.
/// </remarks>
public sealed class FeedParser
{
    public ParsedFeed Parse(byte[] body, string? contentType, Uri feedUrl)
    {
        try
        {
            using var text = XmlDecoding.Decode(body, contentType);
            return ParseXml(text, feedUrl);
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

    private static ParsedFeed ParseXml(DecodedText text, Uri feedUrl)
    {
        RejectNonXml(text.Span);
        var document = SafeXml.Load(text);
        var channel = Channel(document.Root!);
        var context = Context(channel, feedUrl);
        var items = ReadItems(document, channel);
        var entries = items.Select(item => EntryReader.Read(item, context)).ToList();
        return new ParsedFeed(context.Title, context.SiteUrl, Ttl(channel), EntryKeys.Assign(entries));
    }

    /// <summary>
    /// The item elements, as CodeHollow.FeedReader's feed model finds them in our safe document. Its public
    /// feed classes read an <see cref="XElement"/> directly, so the document is parsed once: FeedReader's own
    /// entry points (text or bytes) would parse it twice more. The format is told apart as FeedReader does it.
    /// FeedReader throws on a few valid documents (RSS 1.0 modules without a default namespace): then the
    /// items are the feed's item/entry elements, found directly.
    /// </summary>
    private static List<XElement> ReadItems(XDocument document, XElement channel)
    {
        try
        {
            return CodeHollowFeed(document.Root!).Items.Select(i => i.Element).OfType<XElement>().ToList();
        }
        catch (Exception e) when (e is NullReferenceException or ArgumentException or FormatException or InvalidOperationException)
        {
            var itemName = channel.Name.LocalName == "feed" ? "entry" : "item";
            return document.Root!.Descendants().Where(e => e.Name.LocalName == itemName).ToList();
        }
    }

    /// <summary>
    /// FeedReader's choice of feed class for a root element (its FeedParser and parser factory). Its feed classes keep
    /// the text they are given only as their <c>OriginalDocument</c>, which the planet does not read, and the text is
    /// in a pooled buffer (<see cref="DecodedText"/>), not a string: they get none.
    /// </summary>
    private static BaseFeed CodeHollowFeed(XElement root)
    {
        var originalDocument = string.Empty;
        var name = root.Name.LocalName;
        if (name.Equals("feed", StringComparison.OrdinalIgnoreCase))
        {
            return new AtomFeed(originalDocument, root);
        }

        var channel = root.Element(root.GetDefaultNamespace() + "channel");
        if (name.Equals("rdf", StringComparison.OrdinalIgnoreCase))
        {
            return new Rss10Feed(originalDocument, channel);
        }

        // Any other root was refused by Channel already: this is RSS.
        var version = root.Attribute("version")?.Value ?? throw new InvalidOperationException("RSS without a version");
        return version.ToLowerInvariant() switch
        {
            "2.0" when root.Attribute(XNamespace.Xmlns + "media") is not null => new MediaRssFeed(originalDocument, channel),
            "0.91" => new Rss091Feed(originalDocument, channel),
            "0.92" => new Rss092Feed(originalDocument, channel),
            _ => new Rss20Feed(originalDocument, channel),
        };
    }

    private static void RejectNonXml(ReadOnlySpan<char> text)
    {
        var start = text.TrimStart();
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
