using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Syndication;
using static VirtPlanet.Tests.Syndication.SyndicationData;

namespace VirtPlanet.Tests.Syndication;

/// <summary>RSS 2.0, RSS 1.0, the FOAF roll, OPML and JSON Feed, read back with what each must contain.</summary>
public sealed class OtherOutputTests : IAsyncLifetime
{
    private static readonly XNamespace Rdf = Rss10Writer.RdfNs;
    private static readonly XNamespace Rss = Rss10Writer.RssNs;
    private static readonly XNamespace Dc = Rss20Writer.DcNs;
    private static readonly XNamespace Content = Rss20Writer.ContentNs;
    private static readonly XNamespace Foaf = FoafRollWriter.FoafNs;
    private static readonly XNamespace Rdfs = FoafRollWriter.RdfsNs;
    private readonly PlanetFactory planet = new();

    public static TheoryData<string, string> ContentTypes => new()
    {
        { "/atom.xml", "application/atom+xml; charset=utf-8" },
        { "/rss20.xml", "application/rss+xml; charset=utf-8" },
        { "/rss10.xml", "application/rdf+xml; charset=utf-8" },
        { "/foafroll.xml", "application/rdf+xml; charset=utf-8" },
        { "/opml.xml", "text/x-opml; charset=utf-8" },
        { "/feed.json", "application/feed+json; charset=utf-8" },
        { "/feeds/qemu/atom.xml", "application/atom+xml; charset=utf-8" },
        { "/authors/thomas-huth/atom.xml", "application/atom+xml; charset=utf-8" },
    };

    public Task InitializeAsync() => planet.StorePlanetAsync();

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Theory]
    [MemberData(nameof(ContentTypes))]
    public async Task OutputIsServedWithItsContentTypeAndNeverShowsHiddenPosts(string path, string contentType)
    {
        var response = await planet.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.DoesNotContain("Old secret", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(ContentTypes))]
    public async Task OutputIsCompressedForReadersThatAskForIt(string path, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await planet.CreateClient().SendAsync(request);

        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Rss20CarriesGuidsCreatorsContentAndItsSelfLink()
    {
        var channel = XDocument.Parse(await planet.CreateClient().GetStringAsync("/rss20.xml")).Root!.Element("channel")!;

        var items = channel.Elements("item").ToList();
        Assert.Equal(VisiblePosts.Select(p => p.Title), items.Select(i => i.Element("title")!.Value));
        Assert.Equal(VisiblePosts.Select(p => p.Link), items.Select(i => i.Element("link")!.Value));
        Assert.Equal(VisiblePosts.Select(p => p.Author), items.Select(i => i.Element(Dc + "creator")!.Value));
        Assert.Equal(VisiblePosts.Select(p => ContentOf(p.Title, p.Link, p.Author)), items.Select(i => i.Element(Content + "encoded")!.Value));
        Assert.Equal(VisiblePosts.Select(p => p.Published), items.Select(i => DateTime.Parse(i.Element("pubDate")!.Value).ToUniversalTime()));
        Assert.Equal(["true", "false", "false"], items.Select(i => i.Element("guid")!.Attribute("isPermaLink")!.Value));
        Assert.Equal(VisiblePosts[0].Link, items[0].Element("guid")!.Value);
        Assert.Equal("http://localhost:5000/rss20.xml", channel.Element(XName.Get("link", AtomWriter.Ns))!.Attribute("href")!.Value);
    }

    /// <summary>The RDF outputs read as RDF/XML by rdflib (Debian's python3-rdflib): the triples, not just the XML shape.</summary>
    [Fact]
    public async Task RdfOutputsParseAsRdfXmlIntoTheExpectedTriples()
    {
        const string Script = """
            import json, sys, rdflib
            RSS = rdflib.Namespace("http://purl.org/rss/1.0/")
            FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
            items = rdflib.Graph().parse(sys.argv[1], format="xml")
            roll = rdflib.Graph().parse(sys.argv[2], format="xml")
            print(json.dumps({
                "titles": sorted(str(t) for s in items.subjects(rdflib.RDF.type, RSS.item) for t in items.objects(s, RSS.title)),
                "agents": sorted(str(n) for a in roll.subjects(rdflib.RDF.type, FOAF.Agent) for n in roll.objects(a, FOAF.name)),
            }))
            """;
        var client = planet.CreateClient();
        var rss10 = Path.Combine(Path.GetTempPath(), $"virtplanet-{Guid.NewGuid():N}.rdf");
        var foaf = Path.Combine(Path.GetTempPath(), $"virtplanet-{Guid.NewGuid():N}.rdf");
        await File.WriteAllBytesAsync(rss10, await client.GetByteArrayAsync("/rss10.xml"));
        await File.WriteAllBytesAsync(foaf, await client.GetByteArrayAsync("/foafroll.xml"));
        try
        {
            var (exitCode, output) = await ExternalTool.RunAsync("/usr/bin/python3", "-c", Script, rss10, foaf);

            Assert.True(exitCode == 0, output);
            using var triples = System.Text.Json.JsonDocument.Parse(output);
            Assert.Equal(VisiblePosts.Select(p => p.Title).Order(StringComparer.Ordinal), triples.RootElement.GetProperty("titles").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(["Cédric's blog", "QEMU project"], triples.RootElement.GetProperty("agents").EnumerateArray().Select(t => t.GetString()));
        }
        finally
        {
            File.Delete(rss10);
            File.Delete(foaf);
        }
    }

    [Fact]
    public async Task Rss10IsRdfWhoseChannelSequenceNamesEveryItem()
    {
        var rdf = XDocument.Parse(await planet.CreateClient().GetStringAsync("/rss10.xml")).Root!;

        Assert.Equal(Rdf + "RDF", rdf.Name);
        var channel = rdf.Element(Rss + "channel")!;
        Assert.Equal("http://localhost:5000/rss10.xml", channel.Attribute(Rdf + "about")!.Value);
        var sequence = channel.Element(Rss + "items")!.Element(Rdf + "Seq")!.Elements(Rdf + "li").Select(li => li.Attribute(Rdf + "resource")!.Value);
        var items = rdf.Elements(Rss + "item").ToList();
        Assert.Equal(sequence, items.Select(i => i.Attribute(Rdf + "about")!.Value));
        Assert.Equal(VisiblePosts.Select(p => p.Title), items.Select(i => i.Element(Rss + "title")!.Value));
        Assert.Equal(VisiblePosts.Select(p => p.Author), items.Select(i => i.Element(Dc + "creator")!.Value));
        Assert.Equal(VisiblePosts.Select(p => $"{p.Published:yyyy-MM-ddTHH:mm:ssZ}"), items.Select(i => i.Element(Dc + "date")!.Value));
        Assert.Equal(VisiblePosts.Select(p => ContentOf(p.Title, p.Link, p.Author)), items.Select(i => i.Element(Content + "encoded")!.Value));
    }

    [Fact]
    public async Task FoafRollNamesEverySubscribedFeedWithItsWeblogAndChannel()
    {
        var group = XDocument.Parse(await planet.CreateClient().GetStringAsync("/foafroll.xml")).Root!.Element(Foaf + "Group")!;

        Assert.Equal("http://localhost:5000/", group.Element(Foaf + "homepage")!.Attribute(Rdf + "resource")!.Value);
        var agents = group.Elements(Foaf + "member").Select(m => m.Element(Foaf + "Agent")!).ToList();
        Assert.Equal(["Cédric's blog", "QEMU project"], agents.Select(a => a.Element(Foaf + "name")!.Value));
        var weblogs = agents.Select(a => a.Element(Foaf + "weblog")!.Element(Foaf + "Document")!).ToList();
        Assert.Equal(["https://bosdonnat.example.org/", "https://qemu.example.org/"], weblogs.Select(d => d.Attribute(Rdf + "about")!.Value));
        Assert.Equal(["Cédric's blog", "QEMU project"], weblogs.Select(d => d.Element(Dc + "title")!.Value));
        Assert.Equal(
            ["https://bosdonnat.example.org/feed.xml", "https://qemu.example.org/feed.xml"],
            weblogs.Select(d => d.Element(Rdfs + "seeAlso")!.Element(Rss + "channel")!.Attribute(Rdf + "about")!.Value));
    }

    [Fact]
    public async Task OpmlListsEverySubscribedFeedActiveOrNot()
    {
        var opml = XDocument.Parse(await planet.CreateClient().GetStringAsync("/opml.xml")).Root!;

        Assert.Equal("2.0", opml.Attribute("version")!.Value);
        var outlines = opml.Element("body")!.Elements("outline").ToList();
        Assert.Equal(["https://bosdonnat.example.org/feed.xml", "https://qemu.example.org/feed.xml"], outlines.Select(o => o.Attribute("xmlUrl")!.Value));
        Assert.Equal(["https://bosdonnat.example.org/", "https://qemu.example.org/"], outlines.Select(o => o.Attribute("htmlUrl")!.Value));
        Assert.Equal(["Cédric's blog", "QEMU project"], outlines.Select(o => o.Attribute("title")!.Value));
    }

    [Fact]
    public async Task JsonFeedCarriesTheVisiblePostsNewestFirst()
    {
        using var json = JsonDocument.Parse(await planet.CreateClient().GetByteArrayAsync("/feed.json"));

        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("http://localhost:5000/feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(VisiblePosts.Select(p => p.Title), items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(VisiblePosts.Select(p => p.Link), items.Select(i => i.GetProperty("url").GetString()));
        Assert.Equal(VisiblePosts.Select(p => p.Author), items.Select(i => i.GetProperty("authors")[0].GetProperty("name").GetString()));
        Assert.Equal(VisiblePosts.Select(p => ContentOf(p.Title, p.Link, p.Author)), items.Select(i => i.GetProperty("content_html").GetString()));
    }
}
