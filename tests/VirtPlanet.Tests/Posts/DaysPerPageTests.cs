using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Posts;

/// <summary>Planet's days_per_page: a page also ends after that many days, and "Older posts" goes on with the next day.</summary>
public sealed class DaysPerPageTests : IAsyncLifetime
{
    private static readonly DateTime Newest = new(2017, 9, 8, 7, 24, 0, DateTimeKind.Utc);
    private readonly PlanetFactory planet = new(new()
    {
        ["Planet:NewFeedItems"] = "0",
        ["Planet:River:PostsPerPage"] = "30",
        ["Planet:River:DaysPerPage"] = "2",
    });

    private FeedServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FeedServer.StartAsync(app =>
            app.MapGet("/feed.xml", () => Results.Text(AtomFeed.WithEntries("Stefan Hajnoczi", 5, Newest), "application/atom+xml")));
        var added = await planet.Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline(server.Url("/feed.xml").AbsoluteUri, null, null));
        await planet.Services.GetRequiredService<FeedRefresher>().RefreshAsync(added.Feed!.Id, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await planet.DisposeAsync();
    }

    [Fact]
    public async Task APageEndsAfterTheConfiguredNumberOfDaysAndOlderPostsContinuesWithTheNextDay()
    {
        var client = planet.CreateClient();
        var parser = new HtmlParser();

        var first = await parser.ParseDocumentAsync(await client.GetStringAsync("/"));
        var older = first.QuerySelector(".paging a.older")!.GetAttribute("href")!;
        var second = await parser.ParseDocumentAsync(await client.GetStringAsync(older));

        Assert.Equal(["September 08, 2017", "September 07, 2017"], first.QuerySelectorAll(".day-heading").Select(h => h.TextContent.Trim()));
        Assert.Equal(["September 06, 2017", "September 05, 2017"], second.QuerySelectorAll(".day-heading").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Post 2", "Post 3"], second.QuerySelectorAll(".post-title").Select(t => t.TextContent.Trim()));
    }
}
