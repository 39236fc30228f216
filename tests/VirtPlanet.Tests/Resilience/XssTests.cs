using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Admin;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// Every vector of the XSS list, ingested through a real poll in every place a feed can put it, never reaches a
/// reading page, a feed output or the admin's feed list as something that runs.
/// </summary>
public sealed class XssTests(XssPlanet xss) : IClassFixture<XssPlanet>
{
    public static TheoryData<string> Outputs => ["/atom.xml", "/rss20.xml", "/rss10.xml", "/feed.json", "/opml.xml", "/foafroll.xml"];

    [Fact]
    public async Task ThePollStoresEveryHostileEntryWithoutAScriptLink()
    {
        await using var db = await xss.Planet.Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync();
        var feeds = await db.Feeds.AsNoTracking().ToListAsync();
        var links = await db.Posts.Select(p => p.Link).ToListAsync();

        Assert.All(feeds, f => Assert.Null(f.LastError));
        Assert.Equal(2 * XssVectors.Load(xss.Canary.BaseUri).Count, links.Count);
        Assert.All(links.Concat(feeds.Select(f => f.SiteUrl)), link => Assert.True(link is null || IsHttp(link), $"stored link {link}"));
    }

    [Fact]
    public async Task NoReadingPageCarriesExecutableMarkup()
    {
        using var client = xss.Planet.CreateHttpClient();
        var problems = new List<string>();
        foreach (var page in xss.ReadingPages)
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            problems.AddRange(PageMarkup.Problems(await response.Content.ReadAsStringAsync()).Select(p => $"{page}: {p}"));
        }

        Assert.True(xss.ReadingPages.Count > 10, $"only {xss.ReadingPages.Count} pages");
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public async Task NoFeedOutputCarriesExecutableMarkupOrAScriptLink(string path)
    {
        using var client = xss.Planet.CreateHttpClient();

        var body = await client.GetStringAsync(path);

        Assert.Contains("Atom feed", body, StringComparison.Ordinal);
        Assert.Empty(SyndicationMarkup.Problems(path, body));
    }

    [Fact]
    public async Task TheAdminFeedsPageCarriesNoExecutableMarkup()
    {
        using var client = xss.Planet.CreateHttpClient();
        await AdminAccount.SignInAsync(client);

        var page = await client.GetStringAsync("/admin/feeds");

        Assert.Contains("Atom feed", page, StringComparison.Ordinal);
        Assert.Empty(PageMarkup.Problems(page));
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
