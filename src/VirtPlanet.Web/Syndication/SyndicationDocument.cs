using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace VirtPlanet.Web.Syndication;

/// <summary>
/// One generated output, kept in memory until the planet's version moves on. Its gzip and brotli forms are
/// compressed once, when a reader first asks for them, instead of on every request: most feed readers send
/// <c>Accept-Encoding</c>, and compressing the merged Atom feed per request cost more than serving it.
/// </summary>
public sealed record SyndicationDocument(
    PlanetVersion Version, byte[] Body, string ContentType, EntityTagHeaderValue ETag, DateTimeOffset LastModified)
{
    private readonly Lazy<byte[]> gzip = new(() => Compress(Body, s => new GZipStream(s, CompressionLevel.Optimal)));
    private readonly Lazy<byte[]> brotli = new(() => Compress(Body, s => new BrotliStream(s, CompressionLevel.Optimal)));

    /// <summary>The body in <paramref name="encoding"/> ("br", "gzip" or "identity").</summary>
    public byte[] BodyIn(string encoding) => encoding switch
    {
        ContentCodings.Brotli => brotli.Value,
        ContentCodings.Gzip => gzip.Value,
        _ => Body,
    };

    private static byte[] Compress(byte[] body, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream(body.Length / 4);
        using (var compressed = encoder(output))
        {
            compressed.Write(body);
        }

        return output.ToArray();
    }
}
