using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VirtPlanet.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VirtPlanet.Tests.Components;

/// <summary>The river in Debian's Chromium, over the live planet's loopback port.</summary>
public sealed class RiverBrowserTests(BrowserFixture browser, RiverPlanetFixture river)
    : IClassFixture<BrowserFixture>, IClassFixture<RiverPlanetFixture>
{
    [Fact]
    public async Task HomePageRendersTheRiverAndIsSavedWideAndNarrow()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(river.Planet.Url("/").AbsoluteUri);

        Assert.Equal("September 08, 2017", (await page.Locator(".day-heading").First.InnerTextAsync()).Trim(), ignoreCase: true);
        Assert.Equal(5, await page.Locator("article.post").CountAsync());
        Assert.True(await page.Locator(".sidebar").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("home-wide"), FullPage = true });

        await page.SetViewportSizeAsync(360, 740);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("home-narrow") });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("home-narrow-dark") });
    }

    [Fact]
    public async Task ClickingAFeedInTheSidebarShowsOnlyThatFeed()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(river.Planet.Url("/").AbsoluteUri);

        await page.Locator(".subscriptions li > a:first-child", new PageLocatorOptions { HasText = "Cornelia Huck" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/feeds/cornelia-huck$"));
        await Expect(page.Locator("h1.river-heading")).ToHaveTextAsync("Cornelia Huck");
        await Expect(page.Locator("article.post")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task EachSubscriptionShowsItsSiteAndFeedLinksSmallerAndMutedBesideItsName()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(river.Planet.Url("/").AbsoluteUri);
        var line = page.Locator(".subscriptions li", new PageLocatorOptions { HasText = "Cornelia Huck" });

        var links = await line.Locator("a").EvaluateAllAsync<LinkStyle[]>(
            "links => links.map(a => { const s = getComputedStyle(a); return { Text: a.textContent, FontSize: parseFloat(s.fontSize), Color: s.color, MarginLeft: parseFloat(s.marginLeft) }; })");

        Assert.Equal(["Cornelia Huck", "(site)", "(feed)"], links.Select(l => l.Text));
        Assert.Equal(0, links[0].MarginLeft);
        Assert.All(links[1..], link =>
        {
            Assert.True(link.FontSize < links[0].FontSize, $"{link.Text} is {link.FontSize}px, the name {links[0].FontSize}px");
            Assert.NotEqual(links[0].Color, link.Color);
            Assert.True(link.MarginLeft > 0, $"{link.Text} touches the link before it");
        });
    }

    [Fact]
    public async Task OlderPostsLinkPagesThroughTheRiver()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(river.Planet.Url("/").AbsoluteUri);

        await page.Locator(".paging a.older").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/\?before=[^/]+$"));
        await Expect(page.Locator(".post-title").First).ToHaveTextAsync("Deprecation of old parameters and features");
        await Expect(page.Locator(".paging a.newer")).ToBeVisibleAsync();
    }

    /// <summary>The filter folded out on the river (a planet of the seed's size), and on the page of its own.</summary>
    [Theory]
    [InlineData("/", true)]
    [InlineData("/choose", false)]
    public async Task TheRiverAndItsFilterWorkWithJavaScriptDisabled(string path, bool folded)
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync(river.Planet.Url(path).AbsoluteUri);

        if (folded)
        {
            await page.Locator(".river-filter summary").ClickAsync();
        }

        await page.Locator(".river-filter input[name=feed][value=nathan-gauer]").CheckAsync();
        await page.Locator(".river-filter button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/\?feed=nathan-gauer$"));
        await Expect(page.Locator(".post-title")).ToHaveTextAsync(["3D Acceleration using VirtIO", "GSoC | Log#2: API Forwarding"]);
    }

    [Fact]
    public async Task OnTheChooserPageTheButtonStaysInViewBelowALongList()
    {
        const int height = 480;
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = height } });
        await page.GotoAsync(river.Planet.Url("/choose").AbsoluteUri);

        var lists = await page.Locator(".river-filter fieldset").Last.BoundingBoxAsync();
        var button = await page.Locator(".river-filter button[type=submit]").BoundingBoxAsync();

        Assert.True(lists!.Y + lists.Height > height, "the lists must reach below the window for this test to tell anything");
        Assert.True(button!.Y + button.Height <= height, $"the button ends at {button.Y + button.Height} px, below the {height} px window");
    }

    [Fact]
    public async Task A360PixelWideScreenNeedsNoHorizontalScrolling()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });

        foreach (var path in new[] { "/", "/?before=2017-08-15T11:09:00Z_999999", "/feeds/cornelia-huck", "/choose" })
        {
            await page.GotoAsync(river.Planet.Url(path).AbsoluteUri);
            var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            Assert.True(width <= 360, $"{path} is {width} px wide");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("cornelia-narrow"), FullPage = true });
    }

    /// <summary>What getComputedStyle says of a link (Playwright fills it by property name).</summary>
    private sealed class LinkStyle
    {
        public string Text { get; set; } = string.Empty;

        public double FontSize { get; set; }

        public string Color { get; set; } = string.Empty;

        public double MarginLeft { get; set; }
    }
}
