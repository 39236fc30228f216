using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;
using static Microsoft.Playwright.Assertions;

namespace VirtPlanet.Tests.Admin;

/// <summary>The admin area in Debian's Chromium: the editor's whole day, from sign-in to OPML import, over real HTTP.</summary>
public sealed class AdminBrowserTests(BrowserFixture browser, AdminPlanetFixture admin)
    : IClassFixture<BrowserFixture>, IClassFixture<AdminPlanetFixture>
{
    private static readonly ViewportSize Wide = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Narrow = new() { Width = 390, Height = 844 };

    /// <summary>Hangfire's SQLite queue is looked at every 2 s; on a busy machine a worker may take a little longer.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions PollWait = new() { Timeout = 30_000 };

    // After a click that navigates, the address is polled. WaitForURLAsync waits for a navigation event; in full runs it
    // timed out now and then (about one run in four) after clicks that navigate, as if the event had come before the wait.
    private static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = 30_000 };

    [Fact]
    public async Task AnAdminAddsABlogByItsPagePollsItPausesItAndRemovesItWithItsPosts()
    {
        var page = await SignedInPageAsync(Wide);

        await page.GotoAsync(admin.Planet.Url("/admin/feeds/add").AbsoluteUri);
        await page.Locator("input[name=address]").FillAsync(admin.Blog.Url("/rich/").AbsoluteUri);
        await page.Locator("form.add-feed button[type=submit]").ClickAsync();
        var preview = page.Locator(".preview");
        await Expect(preview.Locator("h3")).ToContainTextAsync("Rich's virt notes");
        await Expect(preview.Locator("article h4")).ToHaveTextAsync(AdminPlanetFixture.Entries.Select(e => e.Title).ToArray());
        await Expect(preview.Locator("code").First).ToHaveTextAsync(admin.Blog.Url("/rich/feed.atom").AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("admin-add-preview-wide"), FullPage = true });
        await page.SetViewportSizeAsync(Narrow.Width, Narrow.Height);
        await AssertNoHorizontalScrollingAsync(page, "the add flow's preview");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("admin-add-preview-narrow"), FullPage = true });
        await page.SetViewportSizeAsync(Wide.Width, Wide.Height);

        await preview.Locator("button.primary").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/feeds/[^/?]+\?added=true$"), UrlWait);
        var feedPage = page.Url;
        await Expect(page.Locator("dd.posts")).ToContainTextAsync("0, newest —");

        await page.Locator(".poll button").ClickAsync();
        await Expect(page.Locator(".poll-progress")).ToHaveTextAsync("Done: 3 new posts, 0 updated.", PollWait);
        await Expect(page.Locator("dd.posts")).ToContainTextAsync("3, newest 2017-09-06 10:00 UTC");
        await Expect(page.Locator("dd.status")).ToHaveTextAsync("OK");
        Assert.Equal(feedPage, page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("admin-feed-polled"), FullPage = true });

        await page.GotoAsync(admin.Planet.Url("/admin/feeds").AbsoluteUri);
        var row = page.Locator("tr.feed", new PageLocatorOptions { HasText = "Rich's virt notes" });
        await Expect(row.Locator("td.status")).ToHaveTextAsync("OK");
        await Expect(row.Locator(".poll button")).ToBeEnabledAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("admin-feeds-wide"), FullPage = true });
        await page.SetViewportSizeAsync(Narrow.Width, Narrow.Height);
        await AssertNoHorizontalScrollingAsync(page, "the feeds page");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("admin-feeds-narrow"), FullPage = true });
        await page.SetViewportSizeAsync(Wide.Width, Wide.Height);

        var river = await browser.NewPageAsync();
        await river.GotoAsync(admin.Planet.Url("/").AbsoluteUri);
        await Expect(river.Locator(".post-title", new PageLocatorOptions { HasText = "Postcopy live migration, explained" })).ToBeVisibleAsync();

        await page.GotoAsync(feedPage);
        await page.Locator("#active").UncheckAsync();
        await page.Locator("form.edit-feed button[type=submit]").ClickAsync();
        await Expect(page.Locator("form.edit-feed [role=status]")).ToHaveTextAsync("Saved.");
        await Expect(page.Locator("dd.status")).ToHaveTextAsync("Deactivated: Paused by the admin");

        await page.Locator("button.danger", new PageLocatorOptions { HasText = "Remove this feed" }).ClickAsync();
        await page.Locator("[role=alertdialog] button", new PageLocatorOptions { HasText = "Remove the feed and its posts" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/feeds$"), UrlWait);
        await Expect(page.Locator("tr.feed", new PageLocatorOptions { HasText = "Rich's virt notes" })).ToHaveCountAsync(0);

        await river.ReloadAsync();
        await Expect(river.Locator(".post-title", new PageLocatorOptions { HasText = "Postcopy live migration" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnOpmlUploadShowsWhatWillBeAddedSkippedOrRefusedBeforeApplying()
    {
        var subscriptions = admin.Planet.Services.GetRequiredService<FeedSubscriptions>();
        await subscriptions.AddAsync(new OpmlOutline("https://kraxel.example/feed", "Gerd Hoffmann", null));
        var fresh = admin.Blog.Url("/imported.atom").AbsoluteUri;
        var opml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <opml version="2.0"><head><title>Friends</title></head><body>
              <outline text="Imported blog" xmlUrl="{fresh}" />
              <outline text="Gerd again" xmlUrl="http://www.kraxel.example/feed/" />
              <outline text="Imported blog, twice" xmlUrl="{fresh}" />
              <outline text="Not a web address" xmlUrl="javascript:alert(1)" />
            </body></opml>
            """;
        var page = await SignedInPageAsync(Wide);

        await page.GotoAsync(admin.Planet.Url("/admin/import").AbsoluteUri);
        await Expect(page.Locator("input[type=file]")).ToBeEnabledAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "friends.opml",
            MimeType = "text/x-opml",
            Buffer = Encoding.UTF8.GetBytes(opml),
        });

        var rows = page.Locator("table.import tbody tr");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(page.Locator("p.summary")).ToContainTextAsync("1 feed to add, 2 skipped as duplicates, 1 invalid.");
        Assert.Equal(["added", "duplicate", "duplicate", "invalid"], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.className)"));
        await Expect(rows.Nth(1)).ToContainTextAsync("already subscribed as Gerd Hoffmann");
        await Expect(rows.Nth(2)).ToContainTextAsync("listed twice in this file");
        Assert.Null(await subscriptions.FindAsync(fresh));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("admin-import-plan"), FullPage = true });

        await page.Locator("p.summary button.primary").ClickAsync();

        await Expect(page.Locator("p.ok[role=status]")).ToContainTextAsync("1 feed added.");
        Assert.Equal("Imported blog", (await subscriptions.FindAsync(fresh))?.DisplayName);
    }

    private async Task<IPage> SignedInPageAsync(ViewportSize viewport)
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = viewport });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(admin.Planet.Url("/admin/signin").AbsoluteUri);
        await page.Locator("input[name=user]").FillAsync(AdminAccount.User);
        await page.Locator("input[name=password]").FillAsync(AdminAccount.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(admin.Planet.Url("/admin").AbsoluteUri, UrlWait);
        return page;
    }

    private static async Task AssertNoHorizontalScrollingAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
        Assert.True(width <= Narrow.Width, $"{what} is {width} px wide on a {Narrow.Width} px screen");
    }
}
