namespace VirtPlanet.Web.Syndication;

public static class SyndicationServices
{
    /// <summary>The outputs (Atom, RSS, FOAF, OPML, JSON Feed) and their cache; <see cref="PlanetCompression"/> compresses them.</summary>
    public static IServiceCollection AddSyndication(this IServiceCollection services)
    {
        services.AddOptions<SyndicationOptions>().BindConfiguration(SyndicationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<SyndicationSource>();
        services.AddSingleton<SyndicationBuilder>();
        services.AddSingleton<SyndicationCache>();
        return services;
    }
}
