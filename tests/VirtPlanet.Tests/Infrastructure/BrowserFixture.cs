using Microsoft.Playwright;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium (never a downloaded browser) driven by Playwright, shared by a test class.
/// Screenshots go to <see cref="ArtifactsDirectory"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        // The suite runs test classes in parallel on two cores: a live page may take seconds to attach under that load.
        // Generous waits only cost time when something is really wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh, isolated browser context (cookies, JavaScript switch, viewport) and a page in it.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        return await context.NewPageAsync();
    }

    public static string ScreenshotPath(string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        return Path.Combine(ArtifactsDirectory, name + ".png");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
