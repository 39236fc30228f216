using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Posts;

/// <summary>The river pages over real HTTP, from a real SQLite database filled by polling the seed's posts.</summary>
public sealed class RiverPagesTests(RiverPlanetFixture fixture) : IClassFixture<RiverPlanetFixture>
{
    private readonly HttpClient client = fixture.Planet.CreateHttpClient();

    [Fact]
    public async Task HomePageShowsTheNewestDaysLikeTheOldPlanet()
    {
        var page = await GetPageAsync("/");

        Assert.Equal(["September 08, 2017", "September 01, 2017", "August 27, 2017", "August 15, 2017"], Texts(page, ".day-heading"));
        Assert.Equal(["Cédric Bosdonnat", "QEMU project", "Nathan Gauër", "Daniel Berrange"], Texts(page, ".feed-heading"));
        var berrange = page.QuerySelectorAll(".feed-group")[3];
        Assert.Equal(["ANNOUNCE: virt-viewer 6.0 release", "ANNOUNCE: libosinfo 1.1.0 release"], Texts(berrange, ".post-title"));
        Assert.Equal("by Cédric Bosdonnat at September 08, 2017 07:24 AM", page.QuerySelector(".post-footer")!.TextContent.Trim());
        Assert.Equal("2017-09-08T07:24:00+00:00", page.QuerySelector(".post-footer time")!.GetAttribute("datetime"));
        Assert.Equal("https://bosdonnat.fr/virt-bootstrap-1.0.0.html", page.QuerySelector(".post-footer a.permalink")!.GetAttribute("href"));
        Assert.Contains("virt-bootstrap docker://opensuse", page.QuerySelector(".post-content pre")!.TextContent);
        Assert.Equal("Blogging about open source virtualization", page.QuerySelector(".planet-title")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("link[rel=alternate][href='/atom.xml']"));
        Assert.StartsWith("Last updated: ", page.QuerySelector(".site-footer p")!.TextContent.Trim());
        Assert.Contains("VirtPlanet 0.1.0", page.QuerySelector(".site-footer")!.TextContent);
    }

    [Fact]
    public async Task SidebarListsEverySubscriptionAndEveryPlanetFeed()
    {
        var page = await GetPageAsync("/");

        Assert.Equal(7, page.QuerySelectorAll(".subscriptions li").Length);
        var broken = page.QuerySelector(".subscriptions li.failing")!;
        Assert.Equal("Broken Blog", broken.QuerySelector("a")!.TextContent);
        Assert.Contains("500", broken.QuerySelector(".feed-error")!.GetAttribute("title"));
        var qemu = page.QuerySelectorAll(".subscriptions li").Single(li => li.QuerySelector("a")!.TextContent == "QEMU project");
        var links = qemu.QuerySelectorAll("a");
        Assert.Equal(["QEMU project", "(site)", "(feed)"], links.Select(a => a.TextContent));
        Assert.Equal("/feeds/qemu-project", links[0].GetAttribute("href"));
        Assert.Equal("https://example.org/qemu-project/", links[1].GetAttribute("href"));
        Assert.EndsWith("/feeds/qemu-project.atom", links[2].GetAttribute("href"));
        Assert.Equal(["/atom.xml", "/rss20.xml", "/rss10.xml", "/foafroll.xml", "/opml.xml"],
            page.QuerySelectorAll(".planet-feeds a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task OlderPostsPagesByKeysetAndNewerPostsLeadsBack()
    {
        var first = await GetPageAsync("/");
        var older = first.QuerySelector(".paging a.older")!.GetAttribute("href")!;
        Assert.Null(first.QuerySelector(".paging a.newer"));
        Assert.Matches(@"^/\?before=2017-08-15T11:09:00Z_\d+$", older);

        var second = await GetPageAsync(older);
        Assert.Equal(
            ["Deprecation of old parameters and features", "Channel I/O, demystified", "Channel I/O: More about channel paths",
                "Presentations from DevConf 2017", "GSoC | Log#2: API Forwarding"],
            Texts(second, ".post-title"));
        Assert.Equal(["QEMU project", "Cornelia Huck", "QEMU project", "Nathan Gauër"], Texts(second, ".feed-heading"));
        Assert.Equal("/", second.QuerySelector(".paging a.newer")!.GetAttribute("href"));

        var third = await GetPageAsync(second.QuerySelector(".paging a.older")!.GetAttribute("href")!);
        Assert.Equal(
            ["KVM with SELinux on a z/VM s390x machine", "Oldies but Goldies: Channel I/O KVM Forum 2012 talk", "QEMU in the blogs: February 2017"],
            Texts(third, ".post-title"));
        Assert.Null(third.QuerySelector(".paging a.older"));
        Assert.Equal(older, third.QuerySelector(".paging a.newer")!.GetAttribute("href"));
    }

    [Fact]
    public async Task FeedPageShowsOnlyThatFeedWithItsOwnAtomLink()
    {
        var page = await GetPageAsync("/feeds/cornelia-huck");

        Assert.Equal("Cornelia Huck", page.QuerySelector("h1.river-heading")!.TextContent);
        Assert.Equal(["Cornelia Huck", "Cornelia Huck"], Texts(page, ".feed-heading"));
        Assert.Equal(3, page.QuerySelectorAll(".post").Length);
        Assert.NotNull(page.QuerySelector("link[rel=alternate][href='/feeds/cornelia-huck/atom.xml']"));
        Assert.Contains("Cornelia Huck", page.Title);
    }

    [Fact]
    public async Task PersonPageShowsThomasHuthAcrossBothFeedsAndTheCrossPostOnce()
    {
        var page = await GetPageAsync("/authors/thomas-huth");

        Assert.Equal("Posts by Thomas Huth", page.QuerySelector("h1.river-heading")!.TextContent);
        Assert.Equal(
            ["Deprecation of old parameters and features", "Presentations from DevConf 2017", "KVM with SELinux on a z/VM s390x machine"],
            Texts(page, ".post-title"));
        Assert.Equal(["QEMU project", "QEMU project", "Thomas Huth"], Texts(page, ".feed-heading"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][href='/authors/thomas-huth/atom.xml']"));
    }

    [Fact]
    public async Task FilterInTheQueryShowsPostsOfTheChosenFeedsAndPeopleAndPagingKeepsIt()
    {
        var page = await GetPageAsync("/?feed=nathan-gauer&author=daniel-berrange&author=cornelia-huck");

        Assert.Equal(["Nathan Gauër", "Daniel Berrange", "Cornelia Huck"], Texts(page, ".feed-heading"));
        Assert.StartsWith("/?feed=nathan-gauer&author=daniel-berrange&author=cornelia-huck&before=2017-08-08T18:03:00Z_",
            page.QuerySelector(".paging a.older")!.GetAttribute("href"));
        Assert.Equal(["nathan-gauer"], page.QuerySelectorAll(".river-filter input[name=feed]:checked").Select(i => i.GetAttribute("value")));
    }

    [Theory]
    [InlineData("/feeds/no-such-feed")]
    [InlineData("/authors/nobody-at-all")]
    [InlineData("/?author=nobody-at-all")]
    [InlineData("/no/such/page")]
    public async Task UnknownFeedOrPersonIsNotFoundInTheSiteLayout(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Not found", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".subscriptions"));
    }

    [Fact]
    public async Task ChooserPageOffersEveryFeedAndPersonWithTheGivenChoiceCheckedAndNoPosts()
    {
        var page = await GetPageAsync("/choose?feed=nathan-gauer&author=thomas-huth");

        Assert.Equal("Choose feeds and people", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Choose feeds and people · ", page.Title);
        var feeds = page.QuerySelectorAll(".river-filter input[name=feed]").Select(i => i.GetAttribute("value")).ToArray();
        Assert.Equal(page.QuerySelectorAll(".subscriptions li > a:first-child").Select(a => a.GetAttribute("href")), feeds.Select(f => $"/feeds/{f}"));
        Assert.Contains("thomas-huth", page.QuerySelectorAll(".river-filter input[name=author]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["nathan-gauer"], page.QuerySelectorAll(".river-filter input[name=feed]:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal(["thomas-huth"], page.QuerySelectorAll(".river-filter input[name=author]:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal("/", page.QuerySelector(".river-filter form")!.GetAttribute("action"));
        Assert.Empty(page.QuerySelectorAll(".post-title"));
    }

    [Theory]
    [InlineData("/feeds/qemu-project")]
    [InlineData("/choose?feed=qemu-project")]
    public async Task ReadingPagesAnswerAMatchingIfNoneMatchWithNotModified(string path)
    {
        using var first = await client.GetAsync(path);
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Theory]
    [InlineData("/site.css")]
    [InlineData("/VirtPlanet.Web.styles.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task StylesAndScriptsAreServed(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<IDocument> GetPageAsync(string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static string[] Texts(IParentNode node, string selector) =>
        node.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToArray();
}
