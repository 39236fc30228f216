using Ganss.Xss;

namespace VirtPlanet.Web.Feeds;

/// <summary>Cleans untrusted feed HTML once, at ingest. Only its output is ever rendered as markup.</summary>
/// <remarks>FIRST CUT: to be replaced by the technical-blog policy (lazy images, video embeds, tracking pixels).</remarks>
public sealed class PostSanitizer
{
    private readonly HtmlSanitizer sanitizer = new();

    public string Sanitize(string html, Uri? baseUri) => sanitizer.Sanitize(html, baseUri?.ToString() ?? string.Empty);
}
