using System.Xml;
using System.Xml.Linq;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Syndication;

/// <summary>The subscription list as OPML 2.0: title, htmlUrl and xmlUrl per feed.</summary>
public static class OpmlWriter
{
    public static async Task WriteAsync(Stream output, string title, string? ownerName, IEnumerable<Feed> feeds, DateTime now, CancellationToken cancellationToken)
    {
        var body = new XElement("body", feeds.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(f => new XElement(
            "outline",
            new XAttribute("type", "rss"),
            new XAttribute("text", XmlChars.ForOutput(f.Name)),
            new XAttribute("title", XmlChars.ForOutput(f.Name)),
            new XAttribute("xmlUrl", f.Url),
            f.SiteUrl is null ? null : new XAttribute("htmlUrl", f.SiteUrl))));
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "opml",
                new XAttribute("version", "2.0"),
                new XElement(
                    "head",
                    new XElement("title", XmlChars.ForOutput(title)),
                    new XElement("dateCreated", now.ToString("R")),
                    ownerName is null ? null : new XElement("ownerName", XmlChars.ForOutput(ownerName)),
                    new XElement("docs", "http://opml.org/spec2.opml")),
                body));
        await using var writer = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        await document.SaveAsync(writer, cancellationToken);
    }
}
