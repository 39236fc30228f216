using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

/// <summary>The bundled subscription list: the 28 blogs of the virtualization planet (planet.virt-tools.org).</summary>
public sealed class DefaultFeeds(FeedSubscriptions subscriptions, IOptions<PlanetOptions> options, ILogger<DefaultFeeds> logger)
{
    private const string ResourceName = "VirtPlanet.Web.Feeds.virt-planet.opml";

    public static IReadOnlyList<OpmlOutline> Read()
    {
        using var stream = typeof(DefaultFeeds).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        return OpmlReader.Read(stream);
    }

    /// <summary>On first start with no feeds at all, subscribe to the default list.</summary>
    public async Task SeedIfEmptyAsync(bool planetIsEmpty, CancellationToken cancellationToken)
    {
        if (!planetIsEmpty || !options.Value.SeedDefaultFeeds)
        {
            return;
        }

        var results = await subscriptions.ImportAsync(Read(), cancellationToken);
        logger.LogInformation("Subscribed to the {FeedCount} default feeds", results.Count(r => r.Status == SubscribeStatus.Added));
    }
}
