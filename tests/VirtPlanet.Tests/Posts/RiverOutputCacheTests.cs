using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Posts;

/// <summary>Rendered reading pages are kept, but never past a change to the database, and never with anyone's cookie.</summary>
public sealed class RiverOutputCacheTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Fact]
    public async Task CachedHomePageDropsAPostOnceTheAdminHidesIt()
    {
        await AddPostAsync("QEMU version 2.10.0 released");
        using var client = planet.CreateClient();
        var first = await client.GetStringAsync("/");
        var again = await client.GetStringAsync("/");

        await using (var db = await planet.Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync())
        {
            await db.Posts.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsHidden, true));
        }

        Assert.Contains("QEMU version 2.10.0 released", first);
        Assert.Equal(first, again);
        Assert.DoesNotContain("QEMU version 2.10.0 released", await client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/feeds/qemu-project")]
    [InlineData("/authors/thomas-huth")]
    public async Task ReadingPagesCarryNoCookieAndNoAntiforgeryToken(string path)
    {
        await AddPostAsync("QEMU version 2.10.0 released");
        using var client = planet.CreateClient();

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains(HeaderNames.SetCookie));
            Assert.DoesNotContain("RequestVerificationToken", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Antiforgery", body, StringComparison.OrdinalIgnoreCase);
            // blazor.web.js compares this header exactly; "Allow" would turn enhanced navigation into full page loads.
            Assert.Equal("allow", response.Headers.GetValues("blazor-enhanced-nav").Single());
        }
    }

    private async Task AddPostAsync(string title)
    {
        var feed = (await planet.Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline("https://www.qemu.org/feed.xml", "QEMU project", null))).Feed!;
        await using var db = await planet.Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync();
        db.Posts.Add(new Post
        {
            FeedId = feed.Id,
            EntryKey = "qemu-2-10",
            Title = title,
            Author = "Thomas Huth",
            ContentHash = "h",
            PublishedAt = new DateTime(2017, 9, 1, 7, 0, 0, DateTimeKind.Utc),
            FirstSeenAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
