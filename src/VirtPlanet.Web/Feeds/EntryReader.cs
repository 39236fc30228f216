using System.Xml.Linq;
using static VirtPlanet.Web.Feeds.FeedNamespaces;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Reads one Atom entry or RSS item element into a <see cref="ParsedEntry"/> (without its key, which
/// depends on the whole document: <see cref="EntryKeys"/>).
/// </summary>
public static class EntryReader
{
    public static ParsedEntry Read(XElement item, FeedContext feed)
    {
        var ns = item.Name.Namespace;
        var link = Link(item, feed.FeedUrl);
        var (content, contentElement) = FullContent(item);
        return new ParsedEntry
        {
            Key = string.Empty,
            Id = FeedText.Collapse((item.Element(ns + "id") ?? item.Element(ns + "guid"))?.Value ?? item.Attribute(Rdf + "about")?.Value) is { Length: > 0 } id ? id : null,
            Title = TextConstructs.Plain(item.Element(ns + "title") ?? item.Element(Dc + "title") ?? Media(item, "title")),
            Link = link,
            Author = EntryAuthor.Find(item) ?? feed.FallbackAuthor,
            ContentHtml = content,
            SummaryHtml = Summary(item),
            Published = Date(item, ns + "published", ns + "pubDate", ns + "issued", DcTerms + "issued", DcTerms + "created", ns + "created", Dc + "date"),
            Updated = Date(item, ns + "updated", ns + "modified", Atom10 + "updated", DcTerms + "modified", Dc + "date"),
            Categories = Categories(item),
            BaseUri = BaseUri(contentElement ?? item, link, feed),
        };
    }

    private static string? Link(XElement item, Uri feedUrl)
    {
        var origLink = item.Element(FeedBurner + "origLink");
        return (origLink is null ? null : FeedLinks.Web(XmlBase.Absolute(origLink.Value, origLink, feedUrl)))
            ?? FeedLinks.Alternate(item, feedUrl)
            ?? FeedLinks.PermalinkGuid(item, feedUrl);
    }

    /// <summary>The full content: Atom content, content:encoded, an XHTML body; with the element it came from.</summary>
    private static (string? Html, XElement? Element) FullContent(XElement item)
    {
        var element = (IsAtom(item.Name.Namespace) ? item.Element(item.Name.Namespace + "content") : null)
            ?? item.Element(Content + "encoded")
            ?? item.Element(Xhtml + "body")
            ?? item.Element(item.Name.Namespace + "fullitem")
            ?? item.Element(Atom10 + "content");
        if (element is null)
        {
            return (null, null);
        }

        var html = element.Name == Xhtml + "body" ? TextConstructs.InnerXml(element) : TextConstructs.Html(element);
        return (string.IsNullOrWhiteSpace(html) ? null : html, element);
    }

    private static string? Summary(XElement item)
    {
        var ns = item.Name.Namespace;
        var element = item.Element(ns + "summary") ?? item.Element(ns + "description") ?? item.Element(Dc + "description");
        var plain = ITunesElement(item, "summary") ?? Media(item, "description");
        var html = element is not null ? TextConstructs.Html(element)
            : plain is not null ? FeedText.HtmlFromPlain(plain.Value) : null;
        return string.IsNullOrWhiteSpace(html) ? null : html;
    }

    /// <summary>A Media RSS element of the item, or of its media:group (YouTube puts title and description there).</summary>
    private static XElement? Media(XElement item, string name) =>
        item.Element(FeedNamespaces.Media + name) ?? item.Element(FeedNamespaces.Media + "group")?.Element(FeedNamespaces.Media + name);

    /// <summary>The first of the named elements that holds a readable date.</summary>
    private static DateTime? Date(XElement item, params ReadOnlySpan<XName> names)
    {
        foreach (var name in names)
        {
            if (item.Element(name) is { } element && FeedDates.Parse(element.Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static List<string> Categories(XElement item)
    {
        var terms = item.Elements(item.Name.Namespace + "category")
            .Select(c => c.Attribute("term")?.Value is { Length: > 0 } term ? term : c.Value)
            .Concat(item.Elements(Dc + "subject").Select(s => s.Value));
        return terms.Select(FeedText.Collapse).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>xml:base when the feed sets one, else the entry's link, else the feed's site or URL.</summary>
    private static Uri BaseUri(XElement element, string? link, FeedContext feed)
    {
        if (XmlBase.IsExplicit(element))
        {
            return XmlBase.Of(element, feed.FeedUrl);
        }

        return link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri : feed.BaseUri;
    }
}
