namespace VirtPlanet.Web.Feeds;

/// <summary>Reads a URL attribute of feed markup as the browser would: relative to the post, <c>//host</c> as https.</summary>
internal static class MarkupUrl
{
    public static Uri? Resolve(string? value, Uri? baseUri)
    {
        var url = value?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "https:" + url;
        }

        // A path from the root ("/a/b") is relative to the post's host; .NET on Unix would read it as a file path.
        if (!url.StartsWith('/') && Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            return absolute;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, url, out var resolved) ? resolved : null;
    }

    public static bool IsHttp(Uri url) => url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp;
}
