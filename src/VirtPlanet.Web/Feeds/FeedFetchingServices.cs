using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

public static class FeedFetchingServices
{
    /// <summary>The fetcher's typed HttpClient over a handler that decompresses, never redirects on its own and guards addresses.</summary>
    public static IServiceCollection AddFeedFetching(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<FeedFetcher>((sp, client) =>
            {
                // The fetcher enforces its own total timeout, body included, and says so in the feed's error.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent(sp.GetRequiredService<IOptions<PlanetOptions>>().Value));
                client.DefaultRequestHeaders.TryAddWithoutValidation(
                    "Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<FetchOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    AllowAutoRedirect = false,
                    ConnectTimeout = options.ConnectTimeout,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    UseCookies = false,
                    // Through a proxy the guard would vet the proxy's address, not the feed's: connect directly.
                    UseProxy = false,
                    ConnectCallback = (context, cancellationToken) =>
                        GuardedConnector.ConnectAsync(context, options.AllowPrivateAddresses, cancellationToken),
                };
            })
            // PooledConnectionLifetime already picks up DNS changes; rotating handlers would only drop warm connections.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's own request logs are Information per request; the fetcher logs one Debug event per fetch.
            .RemoveAllLoggers();
        return services;
    }

    private static string UserAgent(PlanetOptions planet)
    {
        var version = typeof(FeedFetcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return $"VirtPlanet/{version.Split('+')[0]} (+{planet.Link})";
    }
}
