using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Posts;

public sealed class RiverVersionTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Fact]
    public async Task ETagChangesWhenAPollStoresAPostOrTheAdminHidesOne()
    {
        var feed = await SeedPosts.SubscribeQemuAsync(planet.Services);
        var empty = await ETagAsync();
        Assert.Equal(empty, await ETagAsync());

        await using (var db = await planet.CreateDbContextAsync())
        {
            db.Posts.Add(SeedPosts.Post(feed, "qemu-2-10", "QEMU version 2.10.0 released", new DateTime(2017, 9, 1, 7, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        var withPost = await ETagAsync();
        await using (var db = await planet.CreateDbContextAsync())
        {
            await db.Posts.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsHidden, true));
        }

        Assert.NotEqual(empty, withPost);
        Assert.NotEqual(withPost, await ETagAsync());
        Assert.StartsWith("W/\"", withPost);
    }

    private async Task<string> ETagAsync()
    {
        await using var scope = planet.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RiverVersion>().ETagAsync();
    }
}
