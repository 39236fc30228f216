namespace VirtPlanet.Web.Feeds;

public static class FeedIngestionServices
{
    /// <summary>The fetch → parse → sanitize → store pipeline and the subscription list.</summary>
    public static IServiceCollection AddFeedIngestion(this IServiceCollection services)
    {
        services.AddFeedFetching();
        services.AddSingleton<FeedParser>();
        services.AddSingleton<PostSanitizer>();
        services.AddSingleton<ParsingLanes>();
        services.AddSingleton<PollSchedule>();
        services.AddSingleton<FeedLease>();
        services.AddSingleton<PostWriter>();
        services.AddTransient<FeedRefresher>();
        services.AddTransient<PollFeedsJob>();
        services.AddTransient<PollCycleJob>();
        services.AddTransient<RefreshFeedJob>();
        services.AddSingleton<FeedSubscriptions>();
        services.AddSingleton<DefaultFeeds>();
        return services;
    }
}
