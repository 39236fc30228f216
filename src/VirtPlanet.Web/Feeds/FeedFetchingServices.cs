namespace VirtPlanet.Web.Feeds;

public static class FeedFetchingServices
{
    public static IServiceCollection AddFeedFetching(this IServiceCollection services)
    {
        services.AddHttpClient<FeedFetcher>();
        return services;
    }
}
