using Microsoft.AspNetCore.ResponseCompression;

namespace VirtPlanet.Web.Syndication;

public static class SyndicationServices
{
    public static readonly string[] CompressedMimeTypes =
        ["application/atom+xml", "application/rss+xml", "application/rdf+xml", "application/feed+json", "text/x-opml"];

    /// <summary>The outputs (Atom, RSS, FOAF, OPML, JSON Feed), their cache and the compression of what they serve.</summary>
    public static IServiceCollection AddSyndication(this IServiceCollection services)
    {
        services.AddOptions<SyndicationOptions>().BindConfiguration(SyndicationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<SyndicationSource>();
        services.AddSingleton<SyndicationBuilder>();
        services.AddSingleton<SyndicationCache>();
        services.AddResponseCompression(options =>
        {
            // Only these public documents, which carry no secret: no BREACH exposure in compressing them over HTTPS.
            // Pages (with their antiforgery tokens) are left alone.
            options.EnableForHttps = true;
            options.MimeTypes = CompressedMimeTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        return services;
    }
}
