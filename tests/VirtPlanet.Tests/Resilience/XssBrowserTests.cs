using Microsoft.Playwright;
using VirtPlanet.Tests.Admin;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// The XSS planet in Debian's Chromium: a page that ran any planted vector would set <c>window.__xss</c>, open a
/// dialog, load something from the canary server or offer a link with a script scheme.
/// </summary>
public sealed class XssBrowserTests(BrowserFixture browser, XssPlanet xss) : IClassFixture<BrowserFixture>, IClassFixture<XssPlanet>
{
    /// <summary>Links, sources and form targets as the browser resolved them, whose scheme is not http(s), mailto or an inline image.</summary>
    private const string ScriptCapableUrls = """
        () => [...document.querySelectorAll('[href],[src],[action],[formaction],[data],[background],[poster]')]
            .flatMap(e => ['href', 'src', 'action', 'formaction', 'data', 'background', 'poster']
                .filter(a => e.hasAttribute(a))
                .map(a => { try { return new URL(e.getAttribute(a), document.baseURI); } catch { return null; } })
                .filter(u => u && !['http:', 'https:', 'mailto:'].includes(u.protocol)
                    && !(e.tagName === 'IMG' && /^data:image\/(png|gif|jpeg|webp);/.test(u.href)))
                .map(u => e.tagName + ' ' + u.href))
        """;

    [Fact]
    public async Task NoReadingPageRunsAPlantedScriptInTheBrowser()
    {
        var page = await NewWatchedPageAsync();
        // The river holds every post; each feed page and a few people's pages show the hostile names in headings.
        var pages = xss.ReadingPages.Where(p => !p.StartsWith("/authors/", StringComparison.Ordinal))
            .Concat(xss.ReadingPages.Where(p => p.StartsWith("/authors/", StringComparison.Ordinal)).Take(4));

        foreach (var path in pages)
        {
            await AssertNothingRanAsync(page, path);
        }

        Assert.Empty(xss.Canary.RequestLog);
    }

    [Fact]
    public async Task TheAdminFeedsPageRunsNoPlantedScriptInTheBrowser()
    {
        var page = await NewWatchedPageAsync();
        await page.GotoAsync(xss.Planet.Url("/admin/signin").AbsoluteUri);
        await page.FillAsync("input[name=user]", AdminAccount.User);
        await page.FillAsync("input[name=password]", AdminAccount.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(xss.Planet.Url("/admin").AbsoluteUri, new PageAssertionsToHaveURLOptions { Timeout = 30_000 });

        await AssertNothingRanAsync(page, "/admin/feeds");
        // Interactive: once the circuit is up the table is rendered again by the server, over the WebSocket.
        await page.Locator(".feeds tr.feed").First.WaitForAsync();
        await page.WaitForTimeoutAsync(500);

        Assert.Null(await page.EvaluateAsync<int?>($"() => window.{XssVectors.Marker} ?? null"));
        Assert.Empty(await page.EvaluateAsync<string[]>(ScriptCapableUrls));
        Assert.Empty(xss.Canary.RequestLog);
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> dialogs = new();

    private async Task<IPage> NewWatchedPageAsync()
    {
        var page = await browser.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
        return page;
    }

    private async Task AssertNothingRanAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(xss.Planet.Url(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");
        // Handlers of failed images and autofocus run just after load.
        await page.WaitForTimeoutAsync(150);

        var marker = await page.EvaluateAsync<int?>($"() => window.{XssVectors.Marker} ?? null");
        var urls = await page.EvaluateAsync<string[]>(ScriptCapableUrls);

        Assert.True(marker is null, $"{path} ran a planted script");
        Assert.Empty(dialogs);
        Assert.True(urls.Length == 0, $"{path} offers script-capable links: {string.Join(", ", urls)}");
        Assert.Equal(xss.Planet.Url(path).AbsoluteUri, page.Url);
    }
}
