using AngleSharp.Dom;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Removes what feed services add to posts for themselves: 1x1 tracking pixels and "flare" (share and ad
/// blocks from FeedBurner, Feedsportal, WordPress.com). None of it belongs to the author's text, and the pixels
/// would report every planet reader to a third party.
/// </summary>
internal static class FeedJunk
{
    /// <summary>Host, path prefix: images from here are trackers, links to here are flare.</summary>
    private static readonly (string Host, string Path)[] Trackers =
    [
        ("feeds.feedburner.com", "/~r/"), ("feeds.feedburner.com", "/~ff/"), ("feeds.feedburner.com", "/~a/"),
        ("feedproxy.google.com", "/~r/"), ("feedproxy.google.com", "/~ff/"), ("feedproxy.google.com", "/~a/"),
        ("feedsportal.com", "/"), ("pixel.wp.com", "/"), ("stats.wordpress.com", "/"), ("feeds.wordpress.com", "/1.0/"),
    ];

    public static void Remove(IElement root, Uri? baseUri)
    {
        // Asked once per post: a relative link can only lead to a tracker from a post served by one.
        var onTracker = baseUri is not null && NamesTracker(baseUri.Host);
        foreach (var flare in root.QuerySelectorAll(".feedflare, .mf-viral").ToList())
        {
            flare.Remove();
        }

        foreach (var link in root.QuerySelectorAll("a[href]").Where(a => IsTracker(a.GetAttribute("href"), baseUri, onTracker)).ToList())
        {
            link.Remove();
        }

        foreach (var image in root.QuerySelectorAll("img").Where(i => IsPixel(i) || IsTracker(i.GetAttribute("src"), baseUri, onTracker)).ToList())
        {
            var parent = image.ParentElement;
            image.Remove();
            RemoveIfEmptyLink(parent);
        }
    }

    private static bool IsPixel(IElement image) => IsTiny(image.GetAttribute("width")) && IsTiny(image.GetAttribute("height"));

    private static bool IsTiny(string? length)
    {
        var digits = length?.Trim().TrimEnd('x', 'p', 'X', 'P').Trim();
        return int.TryParse(digits, out var pixels) && pixels <= 1;
    }

    private static bool IsTracker(string? value, Uri? baseUri, bool onTracker)
    {
        // A URL can only resolve to a tracker's host if it names the host, or is relative to a base on it: most links
        // are neither, and are not parsed (a Uri and its strings per link were most of this pass's allocation).
        if (string.IsNullOrEmpty(value) || !(onTracker || NamesTracker(value)))
        {
            return false;
        }

        var url = MarkupUrl.Resolve(value, baseUri);
        return url is not null && MarkupUrl.IsHttp(url) && Trackers.Any(t =>
            (url.Host.Equals(t.Host, StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith("." + t.Host, StringComparison.OrdinalIgnoreCase))
            && url.AbsolutePath.StartsWith(t.Path, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether <paramref name="text"/> names a tracker's host anywhere (a cheap test before parsing a URL).</summary>
    public static bool NamesTracker(string text) => Trackers.Any(t => text.Contains(t.Host, StringComparison.OrdinalIgnoreCase));

    /// <summary>A link whose only content was the pixel would otherwise stay behind as an invisible anchor.</summary>
    private static void RemoveIfEmptyLink(IElement? parent)
    {
        if (parent is { LocalName: "a" } && parent.Children.Length == 0 && string.IsNullOrWhiteSpace(parent.TextContent))
        {
            parent.Remove();
        }
    }
}
