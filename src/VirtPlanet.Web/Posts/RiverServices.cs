using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Posts;

public static class RiverServices
{
    /// <summary>The reading side: the river's options, its queries and its validators.</summary>
    public static IServiceCollection AddRiver(this IServiceCollection services)
    {
        services.AddOptions<RiverOptions>().BindConfiguration(RiverOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PlanetOptions>()
            .Validate(o => PlanetTimeZone.TryFind(o.TimeZone, out _), "Planet:TimeZone is not a time zone this system knows.")
            .ValidateOnStart();
        services.AddSingleton<PlanetTimeZone>();
        services.AddSingleton<SoftwareVersion>();
        services.AddScoped<RiverQuery>();
        services.AddSingleton<PlanetDirectory>();
        services.AddSingleton<PostTotalsSource>();
        services.AddSingleton<RiverVersion>();
        services.AddOutputCache(options => options.AddBasePolicy(new RiverOutputCache()));
        return services;
    }
}
