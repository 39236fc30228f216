using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>
/// A live planet whose river holds the seed's real posts: the fixture feeds under TestData/Feeds/River, served by a
/// loopback <see cref="FeedServer"/> and ingested by the real <see cref="FeedRefresher"/>, plus one feed that fails.
/// Read-only for the tests that share it; five posts per page so paging shows.
/// </summary>
public sealed class RiverPlanetFixture : IAsyncLifetime
{
    /// <summary>In subscription order: the QEMU project sees the cross-posted deprecation notice first.</summary>
    public static readonly string[] FeedFiles = ["qemu-project", "thomas-huth", "cornelia-huck", "cedric-bosdonnat", "nathan-gauer", "daniel-berrange"];

    private const string Face = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="8" fill="#e25822"/><text x="24" y="31" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">Q</text></svg>""";

    public FeedServer Server { get; private set; } = null!;

    public LivePlanet Planet { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/feeds/{name}.atom", (string name) =>
                Results.File(Path.Combine(AppContext.BaseDirectory, "TestData", "Feeds", "River", Path.GetFileName(name) + ".atom"), "application/atom+xml"));
            app.MapGet("/faces/qemu.svg", () => Results.Text(Face, "image/svg+xml"));
            app.MapGet("/broken.xml", () => Results.StatusCode(500));
        });
        Planet = LivePlanet.Start(new()
        {
            ["Planet:NewFeedItems"] = "0",
            ["Planet:River:PostsPerPage"] = "5",
        });

        var subscriptions = Planet.Services.GetRequiredService<FeedSubscriptions>();
        var names = new Dictionary<string, string>
        {
            ["qemu-project"] = "QEMU project",
            ["thomas-huth"] = "Thomas Huth",
            ["cornelia-huck"] = "Cornelia Huck",
            ["cedric-bosdonnat"] = "Cédric Bosdonnat",
            ["nathan-gauer"] = "Nathan Gauër",
            ["daniel-berrange"] = "Daniel Berrange",
        };
        var refresher = Planet.Services.GetRequiredService<FeedRefresher>();
        foreach (var file in FeedFiles)
        {
            var added = await subscriptions.AddAsync(new OpmlOutline(Server.Url($"/feeds/{file}.atom").AbsoluteUri, names[file], $"https://example.org/{file}/"));
            await refresher.RefreshAsync(added.Feed!.Id, CancellationToken.None);
        }

        var broken = await subscriptions.AddAsync(new OpmlOutline(Server.Url("/broken.xml").AbsoluteUri, "Broken Blog", null));
        await refresher.RefreshAsync(broken.Feed!.Id, CancellationToken.None);

        await using var db = await Planet.Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync();
        await db.Feeds.Where(f => f.Slug == "qemu-project").ExecuteUpdateAsync(s => s.SetProperty(f => f.AvatarUrl, Server.Url("/faces/qemu.svg").AbsoluteUri));
    }

    public async Task DisposeAsync()
    {
        await Planet.DisposeAsync();
        await Server.DisposeAsync();
    }
}
