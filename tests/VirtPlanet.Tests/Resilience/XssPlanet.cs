using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Admin;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// A live planet (with an admin account) that has polled the hostile <see cref="XssFeeds"/> for real, plus a
/// canary server whose request log shows whether any page made the browser load something planted.
/// </summary>
public sealed class XssPlanet : IAsyncLifetime
{
    public FeedServer Canary { get; private set; } = null!;

    public FeedServer Feeds { get; private set; } = null!;

    public LivePlanet Planet { get; private set; } = null!;

    /// <summary>Every reading page: the river, each feed's and each person's.</summary>
    public List<string> ReadingPages { get; } = ["/"];

    public async Task InitializeAsync()
    {
        Canary = await FeedServer.StartAsync(app => app.Map("/{**path}", () => Results.Text("canary")));
        var vectors = XssVectors.Load(Canary.BaseUri);
        Feeds = await FeedServer.StartAsync(app => XssFeeds.Map(app, vectors));
        Planet = LivePlanet.Start(new()
        {
            [AdminAccount.UserSetting] = AdminAccount.PasswordHash,
            ["Planet:NewFeedItems"] = "0",
            ["Planet:River:PostsPerPage"] = "500",
        });

        await Planet.Services.GetRequiredService<FeedSubscriptions>().ImportAsync(
        [
            new OpmlOutline(Feeds.Url(XssFeeds.AtomPath).AbsoluteUri, null, null),
            // The admin's own name for a feed is shown too: an OPML title is no more trusted than a feed.
            new OpmlOutline(Feeds.Url(XssFeeds.RssPath).AbsoluteUri, vectors[4], null),
        ]);
        await Planet.Services.GetRequiredService<PollFeedsJob>().PollAllAsync(CancellationToken.None);

        await using var scope = Planet.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<PlanetDirectory>();
        ReadingPages.AddRange((await directory.FeedsAsync()).Select(f => f.RiverUrl));
        ReadingPages.AddRange((await directory.AuthorsAsync()).Select(a => a.RiverUrl));
    }

    public async Task DisposeAsync()
    {
        await Planet.DisposeAsync();
        await Feeds.DisposeAsync();
        await Canary.DisposeAsync();
    }
}
