using Microsoft.Net.Http.Headers;

namespace VirtPlanet.Web.Syndication;

/// <summary>The content codings the planet's outputs come in, and which one a request's <c>Accept-Encoding</c> picks.</summary>
public static class ContentCodings
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    /// <summary>
    /// Brotli, then gzip, then the plain body (RFC 9110 §12.5.3): a coding is acceptable when listed, or
    /// matched by <c>*</c>, with a quality above zero. Anything unparseable gets the plain body.
    /// </summary>
    public static string Choose(IList<string>? acceptEncoding)
    {
        if (acceptEncoding is null || acceptEncoding.Count == 0
            || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var accepted))
        {
            return Identity;
        }

        return Accepts(accepted, Brotli) ? Brotli : Accepts(accepted, Gzip) ? Gzip : Identity;
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding)
    {
        var listed = accepted.FirstOrDefault(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
            ?? accepted.FirstOrDefault(a => a.Value.Equals("*", StringComparison.Ordinal));
        return listed is not null && (listed.Quality ?? 1) > 0;
    }
}
