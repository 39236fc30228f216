using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Cli;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Cli;

public sealed class CommandLineTests : IAsyncLifetime
{
    private static readonly DateTime Newest = new(2017, 8, 15, 14, 20, 0, DateTimeKind.Utc);
    private readonly PlanetFactory planet = new(new() { ["Planet:NewFeedItems"] = "0" });
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        app.MapGet("/berrange.xml", () => Results.Text(AtomFeed.WithEntries("Daniel Berrange", 2, Newest), "application/atom+xml"));
        app.MapGet("/kraxel.xml", () => Results.Text(AtomFeed.WithEntries("Gerd Hoffmann", 3, Newest), "application/atom+xml"));
        app.MapGet("/dead.xml", () => Results.StatusCode(404));
        app.MapGet("/planet.opml", (HttpContext context) => Results.Text(
            $"""
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>test</title></head><body>
              <outline text="Daniel Berrange" xmlUrl="{Url(context, "/berrange.xml")}" htmlUrl="https://www.berrange.com/"/>
              <outline text="Tools"><outline text="Gerd Hoffmann" xmlUrl="{Url(context, "/kraxel.xml")}"/></outline>
              <outline text="Gone" xmlUrl="{Url(context, "/dead.xml")}"/>
              <outline text="Not a URL" xmlUrl="javascript:alert(1)"/>
            </body></opml>
            """, "text/x-opml"));
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await planet.DisposeAsync();
    }

    [Fact]
    public async Task PollOnceWithAnOpmlSubscribesAndStoresEveryEntryAndSucceedsDespiteAFailingFeed()
    {
        var (exit, output) = await RunAsync("poll-once", "--opml", server.Url("/planet.opml").AbsoluteUri);

        Assert.Equal(0, exit);
        Assert.Contains("3 added, 0 already subscribed, 1 invalid", output);
        Assert.Contains("3 feeds polled: 2 fetched (200), 0 unchanged (304), 1 failed", output);
        Assert.Contains("5 new posts", output);
        await using var db = await planet.CreateDbContextAsync();
        Assert.Equal(5, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task ImportingTheSameOpmlTwiceAddsNothingTheSecondTime()
    {
        await RunAsync("import-opml", server.Url("/planet.opml").AbsoluteUri);

        var (exit, output) = await RunAsync("import-opml", server.Url("/planet.opml").AbsoluteUri);

        Assert.Equal(0, exit);
        Assert.Contains("0 added, 3 already subscribed, 1 invalid", output);
    }

    [Fact]
    public async Task ListFeedsShowsEachFeedsStatusAfterAPoll()
    {
        await RunAsync("poll-once", "--opml", server.Url("/planet.opml").AbsoluteUri);

        var (_, output) = await RunAsync("list-feeds");

        Assert.Contains("daniel-berrange", output);
        Assert.Matches(@"gone\s+0 posts .*failing \(1x\): .*404", output);
        Assert.Contains("3 feeds", output);
    }

    [Fact]
    public async Task RemoveFeedBySlugTakesItsPostsAlong()
    {
        await RunAsync("poll-once", "--opml", server.Url("/planet.opml").AbsoluteUri);

        var (exit, _) = await RunAsync("remove-feed", "gerd-hoffmann");

        Assert.Equal(0, exit);
        await using var db = await planet.CreateDbContextAsync();
        Assert.Equal(2, await db.Posts.CountAsync());
        Assert.Equal(2, await db.Feeds.CountAsync());
    }

    [Fact]
    public async Task AMissingOpmlFileIsAClearErrorNotAStackTrace()
    {
        var (exit, output) = await RunAsync("import-opml", "/nonexistent/planet.opml");

        Assert.Equal(1, exit);
        Assert.StartsWith("import-opml: Could not find", output);
    }

    [Fact]
    public async Task ExportOpmlWritesEveryFeed()
    {
        await RunAsync("import-opml", server.Url("/planet.opml").AbsoluteUri);
        var file = Path.Combine(planet.DataDirectory, "export.opml");

        await RunAsync("export-opml", file);

        var opml = await File.ReadAllTextAsync(file);
        Assert.Contains("xmlUrl=\"" + server.Url("/kraxel.xml").AbsoluteUri + "\"", opml);
        Assert.Contains("htmlUrl=\"https://www.berrange.com/\"", opml);
    }

    private static string Url(HttpContext context, string path) => $"http://{context.Request.Host}{path}";

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await PlanetCommandLine.RunAsync(planet.Services, args, output);
        return (exit, output.ToString());
    }
}
