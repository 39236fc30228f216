using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// The planet process sends its large answers (a river page, the Atom output) whole and unmixed to many readers at
/// once: they leave through Kestrel's sockets in the planet's own buffers (<see cref="Web.LargeBlockMemoryPool"/>).
/// </summary>
public sealed class LargeResponseTests : IAsyncLifetime
{
    private const int FeedCount = 3;
    private const int EntriesPerFeed = 20;
    private const int Readers = 32;
    private const int RequestsPerReader = 8;
    private static readonly DateTime Newest = new(2017, 9, 8, 7, 24, 0, DateTimeKind.Utc);
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        // About 8 KB of text per post, different in every post, so that a block sent to the wrong reader shows.
        app.MapGet("/feeds/{n:int}.xml", (int n) => Results.Text(AtomFeed.With($"Blog {n}", Enumerable.Range(0, EntriesPerFeed).Select(i =>
            ($"urn:large:{n}:{i}", $"Post {i} of blog {n}", Newest.AddHours(-(i * FeedCount) - n),
             string.Concat(Enumerable.Range(0, 80).Select(p => $"<p>Blog {n}, post {i}, paragraph {p}: {new string((char)('a' + ((n + i + p) % 26)), 60)}</p>"))))),
            "application/atom+xml"));
        app.MapGet("/planet.opml", (HttpContext context) => TestOpml.Blogs(context, "large", FeedCount));
    });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task ThirtyTwoReadersAtOnceEachGetEveryLargeAnswerByteForByte()
    {
        await using var planet = PlanetInstance.Start(
            "--Planet:SeedDefaultFeeds=false", "--Planet:Polling:PollOnStart=false", "--Planet:Polling:Cron=0 0 1 1 *");
        await planet.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var (exit, output, _) = await PlanetProcess.RunAsync(planet.DataDirectory, TimeSpan.FromSeconds(60),
            "poll-once", "--opml", server.Url("/planet.opml").AbsoluteUri, $"--Planet:DataDirectory={planet.DataDirectory}",
            "--Planet:SeedDefaultFeeds=false", "--Planet:NewFeedItems=0", "--Planet:Fetch:AllowPrivateAddresses=true");
        Assert.True(exit == 0, output);

        string[] paths = ["/", "/atom.xml"];
        var expected = new Dictionary<string, byte[]>();
        foreach (var path in paths)
        {
            expected[path] = await planet.Client.GetByteArrayAsync(path);
        }

        Assert.All(expected.Values, body => Assert.True(body.Length > 200_000, $"only {body.Length} bytes: too small to span many buffers"));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Readers };
        using var client = new HttpClient(handler) { BaseAddress = planet.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        var mismatches = await Task.WhenAll(Enumerable.Range(0, Readers).Select(async reader =>
        {
            var wrong = new List<string>();
            for (var i = 0; i < RequestsPerReader; i++)
            {
                var path = paths[(reader + i) % paths.Length];
                var body = await client.GetByteArrayAsync(path);
                if (!body.AsSpan().SequenceEqual(expected[path]))
                {
                    wrong.Add($"{path}: {body.Length} bytes, SHA-256 {Convert.ToHexString(SHA256.HashData(body))[..12]}");
                }
            }

            return wrong;
        }));

        Assert.Empty(mismatches.SelectMany(m => m));
    }
}
