using Bunit;
using VirtPlanet.Web.Components.Shared;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Components;

public sealed class PagingLinksTests : BunitContext
{
    private static readonly RiverCursor Older = new(new DateTime(2017, 8, 8, 18, 4, 0, DateTimeKind.Utc), 123);
    private static readonly RiverCursor Newer = new(new DateTime(2017, 9, 1, 7, 0, 0, DateTimeKind.Utc), 456);

    [Fact]
    public void FirstPageOffersOnlyOlderPostsWithABookmarkableKeyset()
    {
        var links = Render<PagingLinks>(p => p.Add(l => l.Page, new RiverPage([], Older, false, null)));

        links.MarkupMatches("""<nav class="paging" aria-label="More posts"><a class="older" rel="next" href="/?before=2017-08-08T18:04:00Z_123">Older posts →</a></nav>""");
    }

    [Fact]
    public void MiddlePageOffersBothDirectionsAndKeepsThePathAndFilter()
    {
        var links = Render<PagingLinks>(p => p
            .Add(l => l.Page, new RiverPage([], Older, true, Newer))
            .Add(l => l.Path, "/")
            .Add(l => l.Filter, new RiverFilter(["qemu-project"], ["thomas-huth"])));

        Assert.Equal("/?feed=qemu-project&author=thomas-huth&before=2017-09-01T07:00:00Z_456", links.Find("a.newer").GetAttribute("href"));
        Assert.Equal("/?feed=qemu-project&author=thomas-huth&before=2017-08-08T18:04:00Z_123", links.Find("a.older").GetAttribute("href"));
    }

    [Fact]
    public void SecondPageLeadsBackToThePlainFirstPage()
    {
        var links = Render<PagingLinks>(p => p.Add(l => l.Page, new RiverPage([], null, true, null)).Add(l => l.Path, "/feeds/qemu-project"));

        links.MarkupMatches("""<nav class="paging" aria-label="More posts"><a class="newer" rel="prev" href="/feeds/qemu-project">← Newer posts</a></nav>""");
    }

    [Fact]
    public void OnePageRiverHasNoPagingLinks()
    {
        var links = Render<PagingLinks>(p => p.Add(l => l.Page, RiverPage.Empty));

        links.MarkupMatches(string.Empty);
    }

    [Theory]
    [InlineData("2017-08-08T18:04:00Z_123", true)]
    [InlineData("2017-08-08T18:04:00.5Z_7", true)]
    [InlineData("2017-08-08_123", false)]
    [InlineData("yesterday", false)]
    [InlineData("2017-08-08T18:04:00Z_-1", false)]
    public void CursorsRoundTripAndNonsenseIsIgnored(string text, bool valid)
    {
        var cursor = RiverCursor.Parse(text);

        Assert.Equal(valid, cursor is not null);
        Assert.Equal(valid ? text : null, cursor?.ToString());
    }
}
