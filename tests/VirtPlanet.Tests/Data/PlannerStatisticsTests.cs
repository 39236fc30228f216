using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Data;

/// <summary>
/// SQLite plans the reading side's queries on statistics a poll keeps current: without them, the people list read
/// every post's row at a million posts (seconds per first view after a poll; docs/performance.md).
/// </summary>
public sealed class PlannerStatisticsTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Fact]
    public async Task APollLeavesSqlitePlannerStatisticsForThePostsItStored()
    {
        var feed = await SeedPosts.SubscribeQemuAsync(planet.Services);
        await using (var db = await planet.CreateDbContextAsync())
        {
            // Paused, so the poll stores nothing itself: the posts are there already, as after earlier polls.
            await db.Feeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsActive, false));
            db.Posts.AddRange(Enumerable.Range(0, 2000).Select(i =>
                SeedPosts.Post(feed, $"post-{i}", $"Post {i}", new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i), $"Author {i % 7}")));
            await db.SaveChangesAsync();
        }

        var file = new PlanetDatabaseFile(planet.DataDirectory);
        const string PostStatistics = "SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'IX_Posts_IsHidden_Author'";
        Assert.Equal(0L, file.Scalar(PostStatistics));

        await planet.Services.GetRequiredService<PollFeedsJob>().PollAllAsync(CancellationToken.None);

        Assert.Equal(1L, file.Scalar(PostStatistics));
    }
}
