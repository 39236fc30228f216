using System.Xml.Linq;

namespace VirtPlanet.Web.Feeds;

/// <summary>xml:base (XML Base §4): each element's base is its own xml:base resolved against its parent's, the document URL at the top.</summary>
public static class XmlBase
{
    private static readonly XName BaseAttribute = XNamespace.Xml + "base";

    public static Uri Of(XElement element, Uri documentUrl)
    {
        var result = documentUrl;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            if (ancestor.Attribute(BaseAttribute)?.Value is { } value && Resolve(result, value) is { } resolved)
            {
                result = resolved;
            }
        }

        return result;
    }

    /// <summary>Whether the element or one of its ancestors sets xml:base.</summary>
    public static bool IsExplicit(XElement element) => element.AncestorsAndSelf().Any(e => e.Attribute(BaseAttribute) is not null);

    /// <summary>An absolute URL for <paramref name="href"/> in the element's context, or null when it is empty or unusable.</summary>
    public static string? Absolute(string? href, XElement context, Uri documentUrl)
    {
        var value = href?.Trim();
        return string.IsNullOrEmpty(value) ? null : Resolve(Of(context, documentUrl), value)?.AbsoluteUri;
    }

    private static Uri? Resolve(Uri baseUri, string value)
    {
        try
        {
            return Uri.TryCreate(baseUri, value.Trim(), out var uri) ? uri : null;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
