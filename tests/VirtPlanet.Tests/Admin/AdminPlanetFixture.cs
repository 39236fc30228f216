using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Admin;

/// <summary>
/// A live planet with an admin account (a hash in configuration, as deployed) and a loopback blog: a home page that
/// advertises its Atom feed with <c>&lt;link rel="alternate"&gt;</c>, and that feed. Each test adds its own feeds.
/// </summary>
public sealed class AdminPlanetFixture : IAsyncLifetime
{
    public static readonly (string Id, string Title, DateTime Published, string Content)[] Entries =
    [
        ("urn:rich:3", "Postcopy live migration, explained", new DateTime(2017, 9, 6, 10, 0, 0, DateTimeKind.Utc), "<p>Pages move <em>after</em> the switch.</p>"),
        ("urn:rich:2", "Dirty page tracking in KVM", new DateTime(2017, 9, 4, 9, 30, 0, DateTimeKind.Utc), "<p>How the bitmap is kept.</p>"),
        ("urn:rich:1", "Why the guest stalls", new DateTime(2017, 9, 1, 8, 15, 0, DateTimeKind.Utc), "<p>A short story about locks.</p>"),
    ];

    public FeedServer Blog { get; private set; } = null!;

    public LivePlanet Planet { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Blog = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/rich/", () => Results.Content(
                """
                <!DOCTYPE html><html><head><title>Rich's virt notes</title>
                <link rel="alternate" type="application/atom+xml" title="Rich's virt notes" href="/rich/feed.atom">
                </head><body><p>Notes on live migration.</p></body></html>
                """,
                "text/html; charset=utf-8"));
            app.MapGet("/rich/feed.atom", () => Results.Text(AtomFeed.With("Rich's virt notes", Entries), "application/atom+xml"));
            app.MapGet("/imported.atom", () => Results.Text(AtomFeed.WithEntries("Imported", 1, Entries[0].Published), "application/atom+xml"));
        });
        Planet = LivePlanet.Start(new Dictionary<string, string?>([AdminAccount.Setting]));
    }

    public async Task DisposeAsync()
    {
        await Planet.DisposeAsync();
        await Blog.DisposeAsync();
    }
}
