using System.Xml.Linq;

namespace VirtPlanet.Web.Feeds;

/// <summary>The XML namespaces of the feed formats and the extension modules we read.</summary>
public static class FeedNamespaces
{
    public static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rss09 = "http://my.netscape.com/rdf/simple/0.9/";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    public static readonly XNamespace ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// <summary>The spelling of Apple's early podcast documentation, still in feeds; namespace names compare exactly.</summary>
    public static readonly XNamespace ITunesUppercase = "http://www.itunes.com/DTDs/Podcast-1.0.dtd";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace FeedBurner = "http://rssnamespace.org/feedburner/ext/1.0";

    public static bool IsAtom(XNamespace ns) => ns == Atom10 || ns == Atom03;

    /// <summary>An iTunes element of <paramref name="parent"/>, under either spelling of the namespace.</summary>
    public static XElement? ITunesElement(XElement parent, string name) =>
        parent.Element(ITunes + name) ?? parent.Element(ITunesUppercase + name);
}
