using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Data;

/// <summary>
/// A planet on a server whose clock is set to local time stores every date in UTC, as on a UTC server: a post is not
/// moved by the machine's offset, on either write path (the prepared insert of new posts, EF Core's save of a changed
/// post and of the feed's row). The poll runs as a real process with <c>TZ</c> set, which is the runtime's local zone
/// on Linux.
/// </summary>
public sealed class LocalTimeZoneTests : IAsyncLifetime
{
    private static readonly DateTime Published = new(2017, 8, 30, 20, 39, 0, DateTimeKind.Utc);
    private readonly string folder = Directory.CreateTempSubdirectory("virtplanet-tz-").FullName;
    private FeedServer server = null!;
    private int atomVersion;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        // Each fetch of the Atom feed changes the post's text, so a second poll updates the stored post in place.
        app.MapGet("/atom.xml", () => Results.Text(
            AtomFeed.With("Atom blog", [("urn:entry:atom", "In Atom", Published, $"<p>Version {Interlocked.Increment(ref atomVersion)}</p>")]),
            "application/atom+xml"));
        app.MapGet("/rss.xml", () => Results.Text(
            """
            <rss version="2.0"><channel><title>RSS blog</title><link>https://rss.example/</link>
              <item><guid>urn:entry:rss</guid><title>In RSS</title><link>https://rss.example/1</link>
                <pubDate>Thu, 31 Aug 2017 02:09:00 +0530</pubDate><description>A date with an offset</description></item>
            </channel></rss>
            """,
            "application/rss+xml"));
        app.MapGet("/planet.opml", (HttpContext context) => TestOpml.Of(context, "zones", [("Atom blog", "/atom.xml"), ("RSS blog", "/rss.xml")]));
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    public async Task PostAndFeedDatesAreStoredInUtcOnAMachineInAnotherZone(string zone)
    {
        Assert.True(File.Exists($"/usr/share/zoneinfo/{zone}"), $"tzdata is missing {zone}: the poll would run in UTC and prove nothing");
        var environment = new Dictionary<string, string> { ["TZ"] = zone };
        string[] settings = [$"--Planet:DataDirectory={folder}", "--Planet:Fetch:AllowPrivateAddresses=true"];
        var before = DateTime.UtcNow.AddSeconds(-1);

        var first = await PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(60), environment, ["poll-once", "--opml", server.Url("/planet.opml").AbsoluteUri, .. settings]);
        var second = await PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(60), environment, ["poll-once", .. settings]);

        var after = DateTime.UtcNow.AddSeconds(1);
        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Contains("1 updated", second.StandardOutput);
        var file = new PlanetDatabaseFile(folder);
        Assert.All(file.Column<string>("SELECT PublishedAt FROM Posts"), date => Assert.Equal(Published, Utc(date)));
        Assert.Equal(Published, Utc(file.Column<string>("SELECT UpdatedAt FROM Posts WHERE EntryKey = 'urn:entry:atom'").Single()));
        Assert.All(
            file.Column<string>("SELECT FirstSeenAt FROM Posts UNION ALL SELECT LastFetchedAt FROM Feeds UNION ALL SELECT LastSuccessAt FROM Feeds"),
            date => Assert.InRange(Utc(date), before, after));
    }

    private static DateTime Utc(string stored) =>
        DateTime.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
