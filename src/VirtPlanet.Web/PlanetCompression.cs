using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web;

/// <summary>
/// Brotli or gzip for the reading pages, and no other HTML. They carry no secret (no antiforgery token or cookie,
/// <see cref="RiverETags"/>), so compressing them over HTTPS exposes nothing to BREACH; every other page (the admin
/// area, sign-in) carries antiforgery tokens and is never compressed. The output cache sits outside compression, so
/// a reading page is compressed once per version and encoding, not on every view. The planet's outputs (Atom, RSS,
/// FOAF, OPML, JSON Feed) come compressed from their cache (<see cref="Syndication.SyndicationDocument"/>), with a
/// Content-Encoding this middleware leaves alone.
/// </summary>
public sealed class PlanetCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public static readonly string[] MimeTypes = ["text/html"];

    public override bool ShouldCompressResponse(HttpContext context) =>
        base.ShouldCompressResponse(context) && RiverETags.IsReadingPage(context.Request.Path);
}

public static class PlanetCompressionServices
{
    public static IServiceCollection AddPlanetCompression(this IServiceCollection services)
    {
        services.AddSingleton<IResponseCompressionProvider, PlanetCompression>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = PlanetCompression.MimeTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Once per version and encoding, not per view (the output cache keeps the result), so the better ratio is cheap:
        // a 600 KB river page in ≈ 4-5 ms more than the middleware's default, Fastest (docs/performance.md).
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Optimal);
        return services;
    }
}
