using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Syndication;

/// <summary>
/// Serves each output from memory while the planet's version stays the same; only a new version builds it again,
/// once, however many readers ask at that moment. One document per output and filter is kept.
/// </summary>
public sealed class SyndicationCache(
    IMemoryCache cache, SyndicationSource source, SyndicationBuilder builder, IOptions<SyndicationOptions> options)
{
    private readonly SemaphoreSlim building = new(1, 1);

    public async Task<SyndicationDocument?> GetAsync(SyndicationFormat format, RiverFilter filter, CancellationToken cancellationToken)
    {
        // The version is read before the posts, so a document never claims a newer version than its content.
        var version = await source.GetVersionAsync(cancellationToken);
        var key = (typeof(SyndicationCache), format, filter);
        if (cache.TryGetValue(key, out SyndicationDocument? document) && document!.Version == version)
        {
            return document;
        }

        await building.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(key, out document) && document!.Version == version)
            {
                return document;
            }

            document = await builder.BuildAsync(format, filter, version, cancellationToken);
            if (document is not null)
            {
                cache.Set(key, document, new MemoryCacheEntryOptions
                {
                    SlidingExpiration = options.Value.CacheIdleTime,
                    // The plain body; the compressed forms, made later on demand, add about a quarter each.
                    Size = document.Body.Length,
                });
            }

            return document;
        }
        finally
        {
            building.Release();
        }
    }
}
