using System.Text;
using System.Xml.Linq;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Reads a text element as HTML or plain text by its declared kind: Atom 1.0 <c>type</c> (text, html, xhtml,
/// or a media type), Atom 0.3 <c>mode</c> (escaped, xml, base64); RSS text is always HTML.
/// </summary>
public static class TextConstructs
{
    private enum Kind
    {
        Text,
        Html,
        Xhtml,
        Base64,
    }

    public static string? Html(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        return KindOf(element) switch
        {
            Kind.Text => FeedText.HtmlFromPlain(TextOf(element)),
            Kind.Html => element.HasElements ? InnerXml(element) : TextOf(element),
            Kind.Xhtml => InnerXhtml(element),
            _ => Base64(TextOf(element)),
        };
    }

    public static string Plain(XElement? element)
    {
        if (element is null)
        {
            return string.Empty;
        }

        return KindOf(element) switch
        {
            Kind.Text => FeedText.Collapse(TextOf(element)),
            Kind.Xhtml => FeedText.PlainFromHtml(InnerXhtml(element)),
            Kind.Html => FeedText.PlainFromHtml(element.HasElements ? InnerXml(element) : TextOf(element)),
            _ => FeedText.PlainFromHtml(Base64(TextOf(element))),
        };
    }

    /// <summary>
    /// The element's text. When it is one text or CDATA node (an RSS description in CDATA), that node's own string:
    /// <see cref="XElement.Value"/> would copy it, a post's whole content, for every entry of every fetch.
    /// </summary>
    private static string TextOf(XElement element) => element.FirstNode is XText { NextNode: null } only ? only.Value : element.Value;

    private static Kind KindOf(XElement element)
    {
        var type = element.Attribute("type")?.Value.Trim().ToLowerInvariant();
        if (element.Name.Namespace == FeedNamespaces.Atom10)
        {
            return type switch
            {
                null or "" or "text" or "text/plain" => Kind.Text,
                "html" or "text/html" => Kind.Html,
                "xhtml" => Kind.Xhtml,
                _ when type.StartsWith("text/", StringComparison.Ordinal) => Kind.Text,
                _ when type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal) => Kind.Xhtml,
                _ => Kind.Base64,
            };
        }

        if (element.Name.Namespace == FeedNamespaces.Atom03)
        {
            return Atom03Kind(element, type);
        }

        return Kind.Html;
    }

    /// <summary>Atom 0.3 defaults to mode="xml" and type="text/plain".</summary>
    private static Kind Atom03Kind(XElement element, string? type)
    {
        var mode = element.Attribute("mode")?.Value.Trim().ToLowerInvariant();
        var isPlain = type is null or "" or "text/plain" or "text";
        return mode switch
        {
            "base64" => Kind.Base64,
            "escaped" => isPlain ? Kind.Text : Kind.Html,
            _ when element.HasElements => Kind.Xhtml,
            _ => isPlain ? Kind.Text : Kind.Html,
        };
    }

    /// <summary>Atom 1.0 XHTML: the content of the mandatory <c>div</c> wrapper (RFC 4287 §3.1.1.3), which is not part of it.</summary>
    private static string InnerXhtml(XElement element)
    {
        var children = element.Nodes().Where(n => n is not XText t || !string.IsNullOrWhiteSpace(t.Value)).ToList();
        var wrapped = element.Name.Namespace == FeedNamespaces.Atom10 && children is [XElement { Name.LocalName: "div" }];
        return InnerXml(wrapped ? (XElement)children[0] : element);
    }

    /// <summary>An element's children as HTML text, without namespace clutter on XHTML elements.</summary>
    public static string InnerXml(XElement container)
    {
        var html = new StringBuilder();
        foreach (var node in container.Nodes())
        {
            html.Append(node is XElement child ? WithoutNamespaces(child) : node.ToString(SaveOptions.DisableFormatting));
        }

        return html.ToString();
    }

    private static string WithoutNamespaces(XElement element)
    {
        var copy = new XElement(element);
        foreach (var e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            if (e.Name.Namespace == FeedNamespaces.Xhtml || e.Name.Namespace == FeedNamespaces.Atom10 || e.Name.Namespace == FeedNamespaces.Atom03)
            {
                e.Name = e.Name.LocalName;
            }
        }

        return copy.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
    }

    private static string? Base64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var length) ? Encoding.UTF8.GetString(buffer, 0, length) : null;
    }
}
