using System.Text.Json;
using System.Xml.Linq;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Syndication;
using static VirtPlanet.Tests.Syndication.SyndicationData;

namespace VirtPlanet.Tests.Syndication;

/// <summary>What feeds really send: control characters, "]]>", unpaired surrogates and huge entries never break an output.</summary>
public sealed class HostileContentTests : IAsyncLifetime
{
    private const string Hostile = "bell\u0007 nul\0 esc\u001b ]]> lone\ud800 low\udc00 tab\t end";
    private readonly PlanetFactory planet = new();

    public static TheoryData<string> XmlOutputs => ["/rss20.xml", "/rss10.xml", "/foafroll.xml", "/opml.xml"];

    public static TheoryData<string> AtomOutputs => ["/atom.xml", "/feeds/hostile/atom.xml", "/authors/eve-mallory/atom.xml"];

    public Task InitializeAsync()
    {
        var feed = Feed("hostile", "Hostile\u0001 feed\u0008");
        Post(feed, "Title " + Hostile, "Eve\u0002 Mallory", Utc(2024, 6, 1, 12), key: "key with space " + Hostile, content: $"<p>{Hostile}</p>");
        // Without NUL: SQLite gives a long text back only up to its first NUL (the sanitizer never stores one anyway).
        var chunk = Hostile.Replace("\0", string.Empty, StringComparison.Ordinal) + " ";
        Post(feed, "Huge entry", "Eve\u0002 Mallory", Utc(2024, 6, 1, 11), content: $"<p>{string.Concat(Enumerable.Repeat(chunk, 5 * 1024 * 1024 / chunk.Length))}</p>");
        return planet.StoreAsync(feed);
    }

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Theory]
    [MemberData(nameof(AtomOutputs))]
    public async Task AtomWithHostileContentIsStillValid(string path)
    {
        var atom = await planet.CreateClient().GetByteArrayAsync(path);

        await ExternalTool.AssertValidAtomAsync(atom);
        var content = XDocument.Parse(System.Text.Encoding.UTF8.GetString(atom)).Descendants(XName.Get("content", AtomWriter.Ns)).First().Value;
        Assert.StartsWith("<p>bell nul esc ]]> lone", content);
        Assert.True(atom.Length > 5 * 1024 * 1024, $"{atom.Length} bytes");
    }

    [Theory]
    [MemberData(nameof(XmlOutputs))]
    public async Task OtherXmlOutputsWithHostileContentAreWellFormed(string path)
    {
        var xml = await planet.CreateClient().GetStringAsync(path);

        var document = XDocument.Parse(xml);
        var texts = document.Descendants().Attributes().Select(a => a.Value).Concat(document.Descendants().Select(e => e.Value));
        Assert.Contains(texts, v => v.Contains("Hostile feed") || v.Contains("Title bell nul esc ]]> lone"));
    }

    [Fact]
    public async Task JsonFeedWithHostileContentIsValidJson()
    {
        using var json = JsonDocument.Parse(await planet.CreateClient().GetByteArrayAsync("/feed.json"));

        var first = json.RootElement.GetProperty("items")[0];
        Assert.StartsWith("<p>bell nul esc ]]> lone", first.GetProperty("content_html").GetString());
        Assert.Equal("Eve Mallory", first.GetProperty("authors")[0].GetProperty("name").GetString());
    }
}
