using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Web.Admin;
using VirtPlanet.Web.Components.Pages.Admin;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Admin;

public sealed class FeedEditFormTests : AdminComponentTest
{
    [Fact]
    public async Task AnUnsafeSlugAndANonHttpSiteAddressAreRefusedWithMessages()
    {
        var feed = (await SubscribeAsync("https://kraxel.example/feed", "Gerd Hoffmann")).Feed!;
        var form = Render<FeedEditForm>(p => p.Add(f => f.FeedId, feed.Id));
        form.WaitForElement("form");

        form.Find("#slug").Change("Gerd Hoffmann!");
        form.Find("#site-url").Change("javascript:alert(1)");
        form.Find("form").Submit();

        var messages = form.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains(messages, m => m.StartsWith("Use lower-case letters", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Enter an absolute http", StringComparison.Ordinal));
        Assert.Equal("gerd-hoffmann", (await LoadAsync(feed.Id)).Slug);
    }

    [Fact]
    public async Task ASlugAnotherFeedAlreadyHasIsRefused()
    {
        await SubscribeAsync("https://berrange.example/feed", "Daniel Berrange");
        var feed = (await SubscribeAsync("https://kraxel.example/feed", "Gerd Hoffmann")).Feed!;
        var form = Render<FeedEditForm>(p => p.Add(f => f.FeedId, feed.Id));
        form.WaitForElement("form");

        form.Find("#slug").Change("daniel-berrange");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Another feed already has the slug 'daniel-berrange'.", form.Find(".validation-message").TextContent));
    }

    [Fact]
    public async Task ValidChangesAreSavedWithTidiedCategoriesAndPausingDeactivatesTheFeed()
    {
        var feed = (await SubscribeAsync("https://kraxel.example/feed", "Gerd Hoffmann")).Feed!;
        var form = Render<FeedEditForm>(p => p.Add(f => f.FeedId, feed.Id));
        form.WaitForElement("form");

        form.Find("#display-name").Change("Gerd");
        form.Find("#slug").Change("kraxel");
        form.Find("#avatar-url").Change("https://kraxel.example/face.png");
        form.Find("#categories").Change(" qemu, ,KVM,qemu ");
        form.Find("#active").Change(false);
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Saved.", form.Find("[role=status]").TextContent));
        var saved = await LoadAsync(feed.Id);
        Assert.Equal(("Gerd", "kraxel", "https://kraxel.example/face.png", "qemu, KVM"), (saved.DisplayName, saved.Slug, saved.AvatarUrl, saved.CategoryFilter));
        Assert.Equal((false, AdminFeeds.PausedReason), (saved.IsActive, saved.DeactivatedReason));
    }

    private async Task<VirtPlanet.Web.Feeds.Feed> LoadAsync(int id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync();
        return await db.Feeds.SingleAsync(f => f.Id == id);
    }
}
