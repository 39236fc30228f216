using Bunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Components.Pages.Admin;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Admin;

/// <summary>The admin home's broken feeds: a feed whose address now answers 404 or 410 is moved to the one its site advertises.</summary>
public sealed class AdminHomeTests : AdminComponentTest
{
    private FeedServer server = null!;

    public static TheoryData<string, string> Moves => new()
    {
        { "/gone/", "HTTP 410" },
        { "/missing/", "HTTP 404" },
    };

    public override async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        foreach (var blog in new[] { "gone", "missing" })
        {
            app.MapGet($"/{blog}/", () => Results.Content(
                $"""<!DOCTYPE html><html><head><link rel="alternate" type="application/atom+xml" title="New feed" href="/{blog}/new.atom"></head><body></body></html>""",
                "text/html; charset=utf-8"));
            app.MapGet($"/{blog}/new.atom", () => Results.Text(AtomFeed.WithEntries("Moved blog", 1, new DateTime(2017, 9, 1, 0, 0, 0, DateTimeKind.Utc)), "application/atom+xml"));
        }

        app.MapGet("/gone/old.atom", () => Results.StatusCode(410));
        app.MapGet("/missing/old.atom", () => Results.StatusCode(404));
    });

    public override async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await base.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public async Task AFeedWhoseAddressIsGoneIsMovedInOneClickToTheFeedItsSiteNowAdvertises(string site, string error)
    {
        var feed = await BrokenFeedAsync(site);

        var page = Render<AdminHome>();
        page.WaitForAssertion(() => Assert.Contains(error, page.Find($"li[data-feed-id='{feed.Id}']").TextContent));
        page.Find(".moved button").Click();
        page.WaitForAssertion(() => Assert.Equal(server.Url(site + "new.atom").AbsoluteUri, page.Find(".moved code").TextContent));
        page.Find(".moved button.primary").Click();

        page.WaitForAssertion(() => Assert.Contains("No feed has been failing", page.Markup));
        var moved = await Services.GetRequiredService<FeedSubscriptions>().FindAsync(feed.Slug);
        Assert.Equal((server.Url(site + "new.atom").AbsoluteUri, true, null, 0), (moved!.Url, moved.IsActive, moved.LastError, moved.ConsecutiveFailures));
        Assert.True(moved.NextFetchAt <= DateTime.UtcNow, "the moved feed waits for its back-off instead of being polled soon");
    }

    [Fact]
    public async Task AFeedFailingForLessThanADayIsNotListedYet()
    {
        var feed = await BrokenFeedAsync("/missing/", failingSince: TimeSpan.FromHours(2));

        var page = Render<AdminHome>();

        page.WaitForAssertion(() => Assert.Contains("No feed has been failing", page.Markup));
        Assert.Empty(page.FindAll($"li[data-feed-id='{feed.Id}']"));
    }

    /// <summary>A feed at the blog's old address, polled once (the real refresher), added as long ago as it has been failing.</summary>
    private async Task<Feed> BrokenFeedAsync(string site, TimeSpan? failingSince = null)
    {
        var added = await Services.GetRequiredService<FeedSubscriptions>().AddAsync(
            new OpmlOutline(server.Url(site + "old.atom").AbsoluteUri, "Moved blog", server.Url(site).AbsoluteUri));
        await Services.GetRequiredService<FeedRefresher>().RefreshAsync(added.Feed!.Id, CancellationToken.None);
        var createdAt = DateTime.UtcNow - (failingSince ?? TimeSpan.FromDays(2));
        await using var db = await Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync();
        await db.Feeds.Where(f => f.Id == added.Feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAt, createdAt));
        return added.Feed;
    }
}
