using Microsoft.EntityFrameworkCore;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Health;

public sealed class DefaultFeedSeedingTests
{
    [Fact]
    public async Task FirstStartWithAnEmptyDatabaseSubscribesToTheDefaultFeedsOnce()
    {
        using var planet = new PlanetFactory(new() { ["Planet:SeedDefaultFeeds"] = "true" });
        planet.CreateClient();
        await using var db = await planet.CreateDbContextAsync();

        var feeds = await db.Feeds.OrderBy(f => f.Slug).ToListAsync();

        Assert.Equal(28, feeds.Count);
        Assert.Contains(feeds, f => f.Slug == "cedric-bosdonnat" && f.DisplayName == "Cédric Bosdonnat");
        Assert.All(feeds, f => Assert.True(f.IsActive));
    }
}
