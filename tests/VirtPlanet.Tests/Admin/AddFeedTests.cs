using Bunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Components.Pages.Admin;

namespace VirtPlanet.Tests.Admin;

public sealed class AddFeedTests : AdminComponentTest
{
    private static readonly DateTime Newest = new(2017, 8, 15, 14, 20, 0, DateTimeKind.Utc);
    private readonly TaskCompletionSource slowPage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FeedServer server = null!;

    public static TheoryData<string, string> Failures => new()
    {
        { "/missing", "could not be fetched: HTTP 404" },
        { "/plain/", "without a feed link" },
        { "/broken.xml", "looks like RSS 2.0 but cannot be read" },
    };

    public override async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        app.MapGet("/blog/", () => Html(
            """
            <link rel="alternate" type="application/atom+xml" title="All posts" href="/posts.atom">
            <link rel="alternate" type="application/atom+xml" title="Virtualization posts" href="/virt.atom">
            """));
        app.MapGet("/single/", () => Html("""<link rel="alternate" type="application/atom+xml" href="/posts.atom">"""));
        app.MapGet("/slow/", async () =>
        {
            await slowPage.Task;
            return Html("");
        });
        app.MapGet("/plain/", () => Html(""));
        app.MapGet("/posts.atom", () => Results.Text(AtomFeed.WithEntries("Daniel Berrange", 7, Newest), "application/atom+xml"));
        app.MapGet("/virt.atom", () => Results.Text(AtomFeed.WithEntries("Daniel on virt", 2, Newest), "application/atom+xml"));
        app.MapGet("/broken.xml", () => Results.Text("<rss version=\"2.0\"><channel><item><title>unclosed", "application/rss+xml"));
    });

    public override async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public void WhileDiscoveringThePageSaysWhereItIsLookingAndLocksTheForm()
    {
        var page = Submit("/slow/");

        page.WaitForAssertion(() => Assert.Contains($"Looking for feeds at {server.Url("/slow/")}", page.Find("[role=status]").TextContent));
        Assert.True(page.Find("button[type=submit]").HasAttribute("disabled"));
        slowPage.SetResult();
        page.WaitForAssertion(() => Assert.Contains("without a feed link", page.Find("[role=alert]").TextContent));
    }

    [Fact]
    public void ABlogPageWithSeveralFeedsAsksWhichOneThenPreviewsThePickedOne()
    {
        var page = Submit("/blog/");
        page.WaitForAssertion(() => Assert.Contains("This page offers 2 feeds", page.Markup));

        page.FindAll(".candidates button")[1].Click();

        page.WaitForAssertion(() => Assert.Contains("Daniel on virt", page.Find(".preview h3").TextContent));
        Assert.Contains("Atom", page.Find(".preview .type").TextContent);
        Assert.Equal(["Post 0", "Post 1"], page.FindAll(".preview article h4").Select(h => h.TextContent.Trim()));
        Assert.NotNull(page.Find("button.primary"));
    }

    [Fact]
    public void ABlogPageWithOneFeedGoesStraightToItsPreviewOfTheNewestEntries()
    {
        var page = Submit("/single/");

        page.WaitForAssertion(() => Assert.Contains("Daniel Berrange", page.Find(".preview h3").TextContent));
        Assert.Equal(5, page.FindAll(".preview article").Count);
        Assert.Equal("Post 0", page.Find(".preview article h4").TextContent.Trim());
        Assert.Contains("Post number 0", page.Find(".preview article .content").InnerHtml);
    }

    [Fact]
    public async Task AFeedAlreadySubscribedIsRefusedWithALinkToIt()
    {
        var existing = await SubscribeAsync(server.Url("/posts.atom").AbsoluteUri, "Daniel");

        var page = Submit("/single/");

        page.WaitForAssertion(() => Assert.Contains("already subscribed", page.Find("[role=alert]").TextContent));
        Assert.Equal($"/admin/feeds/{existing.Feed!.Id}", page.Find(".duplicate a").GetAttribute("href"));
        Assert.Empty(page.FindAll("button.primary"));
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void UnreachableNotAFeedAndInvalidFeedsGetAClearSentence(string path, string expected)
    {
        var page = Submit(path);

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("Exception", page.Markup);
        Assert.DoesNotContain("   at ", page.Markup);
    }

    [Fact]
    public void SavingThePreviewSubscribesAndOpensTheNewFeed()
    {
        var page = Submit("/single/");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button.primary")));

        page.Find("button.primary").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"/admin/feeds/\d+\?added=true$", navigation.Uri));
    }

    private IRenderedComponent<AddFeed> Submit(string path)
    {
        var page = Render<AddFeed>();
        page.Find("input[name=address]").Change(server.Url(path).AbsoluteUri);
        page.Find("form").Submit();
        return page;
    }

    private static IResult Html(string head) =>
        Results.Content($"<!DOCTYPE html><html><head><title>Blog</title>{head}</head><body><p>Hello</p></body></html>", "text/html; charset=utf-8");
}
