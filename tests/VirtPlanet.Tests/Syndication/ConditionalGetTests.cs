using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Syndication;

namespace VirtPlanet.Tests.Syndication;

/// <summary>The merged feed over real polls of a loopback feed server: validators, 304s, and what a new post changes.</summary>
public sealed class ConditionalGetTests : IAsyncLifetime
{
    private const string NewEntry = """
          <entry>
            <title>QEMU version 2.11.0 released</title>
            <link href="/2017/12/13/qemu-2-11-0/"/>
            <id>https://www.qemu.org/2017/12/13/qemu-2-11-0</id>
            <published>2017-12-13T12:00:00+00:00</published>
            <author><name>Thomas Huth</name></author>
            <content type="html">&lt;p&gt;Grab it while it is hot.&lt;/p&gt;</content>
          </entry>
        """;

    private readonly PlanetFactory planet = new();
    private FeedServer server = null!;
    private string document = string.Empty;

    public async Task InitializeAsync()
    {
        document = await File.ReadAllTextAsync(Path.Combine("TestData", "Feeds", "qemu-project.atom"));
        server = await FeedServer.StartAsync(app => app.MapGet("/feed.xml", () => Results.Bytes(Encoding.UTF8.GetBytes(document), "application/atom+xml")));
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await planet.DisposeAsync();
    }

    [Fact]
    public async Task SecondRequestWithTheValidatorsIsAnswered304WithNoBody()
    {
        await PollAsync(await SubscribeAsync());
        var client = planet.CreateClient();
        var first = await client.GetAsync("/atom.xml");

        var byETag = await client.SendAsync(Get("/atom.xml", r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!)));
        var byDate = await client.SendAsync(Get("/atom.xml", r => r.Headers.IfModifiedSince = first.Content.Headers.LastModified));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byETag.StatusCode);
        Assert.Empty(await byETag.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, byETag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Empty(await byDate.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PollThatStoresANewPostChangesTheETagAndPutsThePostFirst()
    {
        var feedId = await SubscribeAsync();
        await PollAsync(feedId);
        var client = planet.CreateClient();
        var before = (await client.GetAsync("/atom.xml")).Headers.ETag!;

        document = document.Replace("  <entry>", NewEntry + "  <entry>", StringComparison.Ordinal);
        await PollAsync(feedId);
        var after = await client.SendAsync(Get("/atom.xml", r => r.Headers.IfNoneMatch.Add(before)));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag);
        var atom = XDocument.Parse(await after.Content.ReadAsStringAsync()).Root!;
        XNamespace ns = AtomWriter.Ns;
        Assert.Equal("QEMU version 2.11.0 released", atom.Element(ns + "entry")!.Element(ns + "title")!.Value);
    }

    [Fact]
    public async Task PollThatStoresNothingNewKeepsTheETag()
    {
        var feedId = await SubscribeAsync();
        await PollAsync(feedId);
        var client = planet.CreateClient();
        var before = (await client.GetAsync("/atom.xml")).Headers.ETag!;

        await PollAsync(feedId);
        var after = await client.SendAsync(Get("/atom.xml", r => r.Headers.IfNoneMatch.Add(before)));

        Assert.Equal(HttpStatusCode.NotModified, after.StatusCode);
    }

    [Fact]
    public async Task OutputIsBuiltOnceAndThenServedFromMemory()
    {
        await PollAsync(await SubscribeAsync());
        var cache = planet.Services.GetRequiredService<SyndicationCache>();

        var first = await cache.GetAsync(SyndicationFormat.Atom, RiverFilter.Planet, CancellationToken.None);
        var second = await cache.GetAsync(SyndicationFormat.Atom, RiverFilter.Planet, CancellationToken.None);

        Assert.Same(first, second);
    }

    private static HttpRequestMessage Get(string path, Action<HttpRequestMessage> conditions)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        conditions(request);
        return request;
    }

    private async Task<int> SubscribeAsync()
    {
        var result = await planet.Services.GetRequiredService<FeedSubscriptions>()
            .AddAsync(new OpmlOutline(server.Url("/feed.xml").AbsoluteUri, "QEMU project", null));
        return result.Feed!.Id;
    }

    private async Task PollAsync(int feedId)
    {
        var outcome = await planet.Services.GetRequiredService<FeedRefresher>().RefreshAsync(feedId, CancellationToken.None);
        Assert.NotEqual(RefreshStatus.Failed, outcome.Status);
    }
}
