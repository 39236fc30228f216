using Microsoft.EntityFrameworkCore;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Data;

/// <summary>
/// Contexts come from EF Core's pool (PlanetDbContextFactory): one given back is handed out again, and carries nothing
/// of its last use into the next.
/// </summary>
public sealed class ContextPoolTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Fact]
    public async Task AContextGivenBackIsHandedOutAgainWithNothingOfItsLastUse()
    {
        var feed = await SeedPosts.SubscribeQemuAsync(planet.Services);

        var first = await planet.CreateDbContextAsync();
        var tracked = await first.Feeds.SingleAsync(f => f.Id == feed.Id);
        tracked.DisplayName = "Changed, never saved";
        first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        await first.DisposeAsync();

        await using var second = await planet.CreateDbContextAsync();

        Assert.Same(first, second);
        Assert.Empty(second.ChangeTracker.Entries());
        Assert.Equal(QueryTrackingBehavior.TrackAll, second.ChangeTracker.QueryTrackingBehavior);
        Assert.Equal(feed.DisplayName, (await second.Feeds.SingleAsync(f => f.Id == feed.Id)).DisplayName);
    }
}
