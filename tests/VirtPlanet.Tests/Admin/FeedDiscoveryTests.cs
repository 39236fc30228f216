using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Admin;

namespace VirtPlanet.Tests.Admin;

public sealed class FeedDiscoveryTests : IAsyncLifetime
{
    private static readonly string Atom = AtomFeed.WithEntries("Daniel Berrange", 2, new DateTime(2017, 8, 15, 0, 0, 0, DateTimeKind.Utc));
    private readonly PlanetFactory planet = new();
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        app.MapGet("/blog/", () => Html(
            """
            <link rel="alternate" type="application/rss+xml" title="Posts" href="posts.rss">
            <link rel="alternate" type="application/atom+xml" title="Comments" href="/comments.atom">
            <link rel="alternate" type="text/html" href="/other.html">
            <link rel="stylesheet" type="text/css" href="/site.css">
            """));
        app.MapGet("/based/", () => Html("""<base href="/elsewhere/"><link rel="alternate feed" type="application/atom+xml; charset=utf-8" href="atom.xml">"""));
        app.MapGet("/bare/", () => Html("<p>No links here</p>"));
        app.MapGet("/atom.xml", () => Results.Text(Atom, "application/atom+xml"));
        app.MapGet("/broken.xml", () => Results.StatusCode(500));
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await planet.DisposeAsync();
    }

    [Fact]
    public async Task APageOffersEveryRssAndAtomAlternateLinkWithItsTitleResolvedAgainstThePage()
    {
        var result = await DiscoverAsync("/blog/");

        Assert.Equal(DiscoveryStatus.Found, result.Status);
        Assert.Equal(
            [(server.Url("/blog/posts.rss"), "Posts", "RSS"), (server.Url("/comments.atom"), "Comments", "Atom")],
            result.Candidates.Select(c => (c.Url, c.Title, c.Type)));
    }

    [Fact]
    public async Task LinksResolveAgainstTheBaseElementAndTypeParametersAreIgnored()
    {
        var result = await DiscoverAsync("/based/");

        Assert.Equal(server.Url("/elsewhere/atom.xml"), Assert.Single(result.Candidates).Url);
    }

    [Fact]
    public async Task APageWithoutFeedLinksFallsBackToTheCommonPaths()
    {
        var result = await DiscoverAsync("/bare/");

        Assert.Equal(DiscoveryStatus.Found, result.Status);
        Assert.Equal(server.Url("/atom.xml"), Assert.Single(result.Candidates).Url);
        Assert.Contains("GET /bare/feed", server.RequestLog);
    }

    [Fact]
    public async Task AFeedAddressIsRecognisedAsAFeed()
    {
        var result = await DiscoverAsync("/atom.xml");

        Assert.Equal(DiscoveryStatus.IsFeed, result.Status);
        Assert.Equal(("Atom", server.Url("/atom.xml")), (result.Candidates[0].Type, result.Candidates[0].Url));
    }

    [Fact]
    public async Task FailuresAreSentencesNotExceptions()
    {
        await using var empty = await FeedServer.StartAsync(app => app.MapGet("/", () => Html("<p>Nothing</p>")));
        var discovery = planet.Services.GetRequiredService<FeedDiscovery>();

        var error = await DiscoverAsync("/broken.xml");
        var none = await discovery.DiscoverAsync(empty.BaseUri.AbsoluteUri, CancellationToken.None);
        var invalid = await DiscoverAsync("javascript:alert(1)", absolute: true);

        Assert.Equal(DiscoveryStatus.Unreachable, error.Status);
        Assert.Contains("500", error.Error);
        Assert.Equal(DiscoveryStatus.NoFeedFound, none.Status);
        Assert.Contains("without a feed link", none.Error);
        Assert.Equal(DiscoveryStatus.Invalid, invalid.Status);
    }

    [Fact]
    public async Task AnAddressNobodyAnswersIsReportedAsUnreachable()
    {
        Uri gone;
        await using (var closed = await FeedServer.StartAsync(_ => { }))
        {
            gone = closed.BaseUri;
        }

        var result = await planet.Services.GetRequiredService<FeedDiscovery>().DiscoverAsync(gone.AbsoluteUri, CancellationToken.None);

        Assert.Equal(DiscoveryStatus.Unreachable, result.Status);
        Assert.StartsWith(gone.AbsoluteUri, result.Error);
    }

    [Fact]
    public async Task APageThatCannotBeParsedInTimeFallsBackToTheCommonPaths()
    {
        await using var limited = new PlanetFactory(new() { ["Planet:Content:CleaningTimeLimit"] = "00:00:01" });
        // 100,000 unclosed list items after the head: minutes of tree building before its link could be read.
        await using var hostile = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/blog/", () => Html("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/linked.atom\">" + string.Concat(Enumerable.Repeat("<ul><li>", 100_000))));
            app.MapGet("/atom.xml", () => Results.Text(Atom, "application/atom+xml"));
        });

        var result = await limited.Services.GetRequiredService<FeedDiscovery>().DiscoverAsync(hostile.Url("/blog/").AbsoluteUri, CancellationToken.None);

        Assert.Equal(DiscoveryStatus.Found, result.Status);
        Assert.Equal(hostile.Url("/atom.xml"), Assert.Single(result.Candidates).Url);
        Assert.Contains("GET /blog/feed", hostile.RequestLog);
    }

    [Theory]
    [InlineData("www.berrange.com", "https://www.berrange.com/")]
    [InlineData("  http://Example.ORG/blog#top ", "http://example.org/blog")]
    public void APastedAddressWithoutSchemeMeansHttps(string pasted, string expected)
    {
        Assert.True(FeedDiscovery.TryParseAddress(pasted, out var url));
        Assert.Equal(expected, url.AbsoluteUri);
    }

    private Task<DiscoveryResult> DiscoverAsync(string path, bool absolute = false) =>
        planet.Services.GetRequiredService<FeedDiscovery>().DiscoverAsync(absolute ? path : server.Url(path).AbsoluteUri, CancellationToken.None);

    private static IResult Html(string head) => Results.Content($"<!DOCTYPE html><html><head><title>Blog</title>{head}</head><body></body></html>", "text/html; charset=utf-8");
}
