using System.Net;
using System.Text;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using VirtPlanet.Tests.Infrastructure;
using static VirtPlanet.Tests.Syndication.SyndicationData;

namespace VirtPlanet.Tests.Syndication;

public sealed class AtomOutputTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly PlanetFactory planet = new();

    public static TheoryData<string> AtomOutputs => ["/atom.xml", "/feeds/qemu/atom.xml", "/feeds/bosdonnat/atom.xml", "/authors/cedric-bosdonnat/atom.xml"];

    public Task InitializeAsync() => planet.StorePlanetAsync();

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Theory]
    [MemberData(nameof(AtomOutputs))]
    public async Task AtomOutputValidatesAgainstTheRfc4287Schema(string path)
    {
        var atom = await planet.CreateClient().GetByteArrayAsync(path);

        await ExternalTool.AssertValidAtomAsync(atom);
    }

    [Fact]
    public async Task MergedAtomCarriesTheVisiblePostsNewestFirstEachNamingItsSource()
    {
        var feed = XDocument.Parse(await planet.CreateClient().GetStringAsync("/atom.xml")).Root!;

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(VisiblePosts.Select(p => p.Title), entries.Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal(["QEMU project", "QEMU project", "Cédric's blog"], entries.Select(e => e.Element(Atom + "source")!.Element(Atom + "title")!.Value));
        Assert.Equal("https://qemu.example.org/feed.xml", entries[0].Element(Atom + "source")!.Element(Atom + "id")!.Value);
        Assert.Equal("https://qemu.example.org/", entries[0].Element(Atom + "author")!.Element(Atom + "uri")!.Value);
        Assert.Equal("http://localhost:5000/atom.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Equal("2024-04-23T10:00:00Z", feed.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public async Task EntryKeysThatAreIrisAreKeptAndOthersBecomeStableTagIris()
    {
        var feed = XDocument.Parse(await planet.CreateClient().GetStringAsync("/atom.xml")).Root!;

        var ids = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(VisiblePosts[0].Link, ids[0]);
        Assert.Matches(@"^tag:localhost,2024-01-01:feeds/\d+/42$", ids[1]);
        Assert.Equal("tag:bosdonnat.example.org,2024:lxc", ids[2]);
    }

    [Fact]
    public async Task AuthorFeedCarriesOnlyThatAuthorsPosts()
    {
        var feed = XDocument.Parse(await planet.CreateClient().GetStringAsync("/authors/cedric-bosdonnat/atom.xml")).Root!;

        Assert.Equal(["libvirt and LXC"], feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        Assert.Equal("Cédric Bosdonnat", feed.Element(Atom + "title")!.Value);
    }

    [Theory]
    [InlineData("/feeds/no-such-feed/atom.xml")]
    [InlineData("/authors/nobody-at-all/atom.xml")]
    public async Task UnknownFeedOrAuthorIsNotFound(string path)
    {
        var response = await planet.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CodeHollowFeedReaderReadsBackTheStoredPosts()
    {
        var feed = FeedReader.ReadFromString(await planet.CreateClient().GetStringAsync("/atom.xml"));

        var items = feed.Items.Select(i => (AtomFeedItem)i.SpecificItem).ToList();
        Assert.Equal(VisiblePosts.Select(p => p.Title), items.Select(i => i.Title));
        Assert.Equal(VisiblePosts.Select(p => p.Link), items.Select(i => i.Link));
        Assert.Equal(VisiblePosts.Select(p => p.Author), items.Select(i => i.Author.Name));
        Assert.Equal(VisiblePosts.Select(p => p.Published), items.Select(i => i.PublishedDate!.Value.ToUniversalTime()));
        Assert.Equal(VisiblePosts.Select(p => p.Updated), items.Select(i => i.UpdatedDate!.Value.ToUniversalTime()));
        // FeedReader HTML-decodes element text once more than XML does (its own quirk): "&amp;" in the HTML reads back as "&".
        Assert.Equal(VisiblePosts.Select(p => WebUtility.HtmlDecode(ContentOf(p.Title, p.Link, p.Author))), items.Select(i => i.Content));
    }

    [Fact]
    public async Task FeedparserReadsBackTheStoredPostsAndFindsNothingMalformed()
    {
        var parsed = await FeedParserResult.ParseAsync(await planet.CreateClient().GetByteArrayAsync("/atom.xml"));

        Assert.True(parsed.Bozo == 0, parsed.BozoException);
        Assert.Equal(VisiblePosts.Select(p => p.Title), parsed.Entries.Select(e => e.Title));
        Assert.Equal(VisiblePosts.Select(p => p.Link), parsed.Entries.Select(e => e.Link));
        Assert.Equal(VisiblePosts.Select(p => p.Author), parsed.Entries.Select(e => e.Author));
        Assert.Equal(VisiblePosts.Select(p => $"{p.Published:yyyy-MM-ddTHH:mm:ssZ}"), parsed.Entries.Select(e => e.Published));
        Assert.Equal(VisiblePosts.Select(p => $"{p.Updated:yyyy-MM-ddTHH:mm:ssZ}"), parsed.Entries.Select(e => e.Updated));
        Assert.Equal(VisiblePosts.Select(p => ContentOf(p.Title, p.Link, p.Author)), parsed.Entries.Select(e => e.Content));
        Assert.Equal(["QEMU project", "QEMU project", "Cédric's blog"], parsed.Entries.Select(e => e.SourceTitle));
    }

    [Fact]
    public async Task AtomIsServedAsUtf8AtomWithValidators()
    {
        var response = await planet.CreateClient().GetAsync("/atom.xml");

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(new DateTimeOffset(VisiblePosts[0].Published), response.Content.Headers.LastModified);
        Assert.Equal(Encoding.UTF8.GetBytes("<?xml"), (await response.Content.ReadAsByteArrayAsync())[..5]);
    }
}
