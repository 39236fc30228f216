using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>The QEMU project's feed and its release posts, as the seed page showed them: the tests' stock data.</summary>
public static class SeedPosts
{
    public static async Task<Feed> SubscribeQemuAsync(IServiceProvider services) =>
        (await services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline("https://www.qemu.org/feed.xml", "QEMU project", null))).Feed!;

    /// <summary>A post of <paramref name="feed"/> stored as a poll would store it (already sanitized, visible).</summary>
    public static Post Post(Feed feed, string entryKey, string title, DateTime published, string author = "Thomas Huth") => new()
    {
        FeedId = feed.Id,
        EntryKey = entryKey,
        Title = title,
        Author = author,
        ContentHash = "h",
        PublishedAt = published,
        FirstSeenAt = DateTime.UtcNow,
    };
}
