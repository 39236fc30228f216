using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

public sealed class FeedRefresherTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();
    private FeedServer server = null!;

    public async Task InitializeAsync()
    {
        var atom = await File.ReadAllBytesAsync(Path.Combine("TestData", "Feeds", "qemu-project.atom"));
        server = await FeedServer.StartAsync(app => app.MapGet("/feed.xml", (HttpContext context) =>
        {
            const string etag = "\"v1\"";
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                return Results.StatusCode(304);
            }

            context.Response.Headers.ETag = etag;
            return Results.Bytes(atom, "application/atom+xml");
        }));
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await planet.DisposeAsync();
    }

    [Fact]
    public async Task FirstPollStoresCleanPostsAndSecondPollIsNotModified()
    {
        var feed = await SubscribeAsync(server.Url("/feed.xml"));
        var refresher = planet.Services.GetRequiredService<FeedRefresher>();

        var first = await refresher.RefreshAsync(feed.Id, CancellationToken.None);
        var second = await refresher.RefreshAsync(feed.Id, CancellationToken.None);

        Assert.Equal(new RefreshOutcome(RefreshStatus.Fetched, NewPosts: 2), first);
        Assert.Equal(RefreshStatus.NotModified, second.Status);
        await using var db = await planet.CreateDbContextAsync();
        var posts = await db.Posts.OrderByDescending(p => p.PublishedAt).ToListAsync();
        Assert.Equal(["QEMU version 2.10.0 released", "Understanding QEMU devices"], posts.Select(p => p.Title));
        Assert.DoesNotContain("<script", posts[0].ContentHtml);
        Assert.Equal("\"v1\"", (await db.Feeds.SingleAsync()).ETag);
    }

    [Fact]
    public async Task AFeedWhoseSaveFailsStoresNoneOfItsPostsAndAllOfThemOnTheNextRefresh()
    {
        var feed = await SubscribeAsync(server.Url("/feed.xml"));
        var refresher = planet.Services.GetRequiredService<FeedRefresher>();
        await using var db = await planet.CreateDbContextAsync();
        // Only the save that records a fetch's success sets LastSuccessAt; taking and giving back the lease does not.
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_success BEFORE UPDATE OF LastSuccessAt ON Feeds BEGIN SELECT RAISE(ABORT, 'the disk is full'); END");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => refresher.RefreshAsync(feed.Id, CancellationToken.None));
        Assert.Contains("the disk is full", error.ToString());
        Assert.Equal(0, await db.Posts.CountAsync());

        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_success");
        var retried = await refresher.RefreshAsync(feed.Id, CancellationToken.None);

        Assert.Equal(new RefreshOutcome(RefreshStatus.Fetched, NewPosts: 2), retried);
        Assert.Equal(2, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task AFetchWhoseMarkupCannotBeCleanedInTimeStoresNothingOfItAndKeepsThePostsAsTheyWere()
    {
        await using var limited = new PlanetFactory(new() { ["Planet:Content:CleaningTimeLimit"] = "00:00:01" });
        var second = false;
        await using var feeds = await FeedServer.StartAsync(app => app.MapGet("/changing.xml", () => Results.Text(
            "<rss version=\"2.0\"><channel><title>Changing</title><link>https://blog.example/</link>"
            + Item("kept", second ? "<p>second version</p>" : "<p>first version</p>")
            + (second ? Item("nested", string.Concat(Enumerable.Repeat("<ul><li>", 100_000))) : string.Empty)
            + "</channel></rss>",
            "application/rss+xml")));
        var subscribed = await limited.Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline(feeds.Url("/changing.xml").AbsoluteUri, "Changing", null));
        var refresher = limited.Services.GetRequiredService<FeedRefresher>();
        Assert.Equal(RefreshStatus.Fetched, (await refresher.RefreshAsync(subscribed.Feed!.Id, CancellationToken.None)).Status);

        second = true;
        var outcome = await refresher.RefreshAsync(subscribed.Feed.Id, CancellationToken.None);

        Assert.Equal(RefreshStatus.Failed, outcome.Status);
        Assert.Equal("Cleaning the feed's HTML took longer than 1 s (markup nested too deeply to parse in time); none of this fetch's posts were stored", outcome.Error);
        await using var db = await limited.CreateDbContextAsync();
        var post = await db.Posts.SingleAsync();
        Assert.Equal("<p>first version</p>", post.ContentHtml);
        Assert.Equal(outcome.Error, (await db.Feeds.SingleAsync()).LastError);
    }

    private static string Item(string guid, string html) =>
        $"<item><guid isPermaLink=\"false\">{guid}</guid><title>{guid}</title><link>https://blog.example/{guid}</link><description><![CDATA[{html}]]></description></item>";

    private async Task<Feed> SubscribeAsync(Uri url)
    {
        var result = await planet.Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline(url.AbsoluteUri, "QEMU project", null));
        return result.Feed!;
    }
}
